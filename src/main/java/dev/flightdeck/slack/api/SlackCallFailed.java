package dev.flightdeck.slack.api;

/**
 * A Web API call that gave no usable answer after SlackGateway's retries (or one that must not be
 * retried, such as an HTTP 4xx other than 429). {@code lastStatus} is the last HTTP status, 0 when
 * there was no response at all (I/O error, gateway closed, no token).
 */
public class SlackCallFailed extends RuntimeException {
    private final String method;
    private final int attempts;
    private final int lastStatus;

    public SlackCallFailed(String method, int attempts, int lastStatus, String problem, Throwable cause) {
        super("Slack " + method + " failed after " + attempts + " attempt(s): " + problem, cause);
        this.method = method;
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    public String method() { return method; }

    public int attempts() { return attempts; }

    public int lastStatus() { return lastStatus; }
}
