package dev.flightdeck.flagproviders;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP to the flag providers. Redirects are never followed (a redirect elsewhere would carry the token there); every
 * call has a deadline. Rate limits (429, waiting as {@code X-Ratelimit-Reset} or {@code Retry-After} say, at most
 * {@link #MAX_WAIT}), 5xx answers and connection failures are tried again up to {@link #ATTEMPTS} times in all: every
 * call made through here (a read, turning a flag on or off) is safe to repeat.
 */
@Singleton
public class FlagHttp {

    static final int ATTEMPTS = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Duration timeout;
    private final Duration backoff;

    public FlagHttp(@Value("${flightdeck.flags.http-timeout:15s}") Duration timeout,
                    @Value("${flightdeck.flags.retry-backoff:500ms}") Duration backoff) {
        this.timeout = timeout;
        this.backoff = backoff;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The last answer (after retries); empty with {@code failure} set when the provider never answered. */
    public Answer send(HttpRequest request) {
        String failure = "";
        HttpResponse<String> last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                last = client.send(request, HttpResponse.BodyHandlers.ofString());
                failure = "";
            } catch (IOException e) {
                last = null;
                failure = "did not answer (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(Optional.ofNullable(last), "interrupted");
            }
            boolean retry = last == null || last.statusCode() == 429 || last.statusCode() >= 500;
            if (!retry || attempt == ATTEMPTS) {
                break;
            }
            if (!pause(wait(last, attempt))) {
                break;
            }
        }
        return new Answer(Optional.ofNullable(last), failure);
    }

    public HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "flightdeck");
    }

    /** How long to wait before the next attempt: what a 429 says, else a growing backoff. */
    private Duration wait(HttpResponse<String> answer, int attempt) {
        Duration wait = backoff.multipliedBy(attempt);
        if (answer != null && answer.statusCode() == 429) {
            Optional<String> reset = answer.headers().firstValue("X-Ratelimit-Reset");
            Optional<String> after = answer.headers().firstValue("Retry-After");
            try {
                if (reset.isPresent()) {
                    // LaunchDarkly: the epoch millisecond when the window resets.
                    wait = Duration.ofMillis(Math.max(0, Long.parseLong(reset.get().trim()) - System.currentTimeMillis()));
                } else if (after.isPresent()) {
                    wait = Duration.ofSeconds(Long.parseLong(after.get().trim()));
                }
            } catch (NumberFormatException e) {
                // an unreadable header: the backoff stands
            }
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @param failure why there is no answer ("" when there is one) */
    public record Answer(Optional<HttpResponse<String>> response, String failure) {
        public int status() {
            return response.map(HttpResponse::statusCode).orElse(0);
        }

        public String body() {
            return response.map(HttpResponse::body).orElse("");
        }
    }
}
