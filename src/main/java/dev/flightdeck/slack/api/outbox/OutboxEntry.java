package dev.flightdeck.slack.api.outbox;

import java.time.Instant;

/**
 * One message Flightdeck owes Slack, as stored: {@code payload} is the rendered message ({@link OutboxPayload});
 * {@code channel}/{@code threadTs} say where, unless {@code parentKey} names an earlier entry whose posted ts decides
 * it at send time. {@code sentChannel}/{@code sentTs} are Slack's answer once sent.
 */
public record OutboxEntry(long id, String messageKey, String orderingKey, Method method, String channel, String threadTs,
                          String parentKey, String payload, String onSent, State state, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant expiresAt, String sentChannel, String sentTs, String lastError,
                          Instant claimedUntil) {

    /**
     * Claimed before by a send that never finished (its replica was killed, or the send outlasted its lease): that
     * send may have reached Slack.
     */
    public boolean claimLapsed(Instant now) {
        return claimedUntil != null && !claimedUntil.isAfter(now);
    }

    public enum Method {
        /** chat.postMessage: to {@code channel}, in the thread of {@code threadTs} or of the parent's message. */
        POST("chat.postMessage"),
        /** chat.update of the message at {@code channel}/{@code threadTs}, or of the parent's message. */
        UPDATE("chat.update");

        public final String slackName;

        Method(String slackName) {
            this.slackName = slackName;
        }
    }

    /** PENDING until Slack took it (SENT), refused it for good (FAILED) or its time ran out (EXPIRED). */
    public enum State {
        PENDING, SENT, FAILED, EXPIRED;

        public boolean finished() {
            return this != PENDING;
        }
    }

    /** What an adapter asks to send; the store adds the bookkeeping. */
    public record New(String messageKey, String orderingKey, Method method, String channel, String threadTs,
                      String parentKey, String payload, String onSent, Instant createdAt, Instant expiresAt) {
    }
}
