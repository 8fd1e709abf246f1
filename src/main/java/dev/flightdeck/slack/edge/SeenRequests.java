package dev.flightdeck.slack.edge;

import java.time.Instant;

/**
 * Signed Slack requests already received (port; the database makes it hold across replicas). A signature is a hash of
 * the timestamp and the body, so the same signature twice is the same request sent twice.
 */
public interface SeenRequests {

    /**
     * True only for the first caller with this key, on any replica, until {@code expiresAt}.
     *
     * @param key       a hash of the request's signature (never the signature or anything secret)
     * @param expiresAt when the request would be refused as stale anyway; the key may be forgotten after it
     * @param now       the caller's clock, to purge keys that expired
     */
    boolean firstTime(String key, Instant expiresAt, Instant now);
}
