package dev.flightdeck.deploy;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is opening the promotion of a version to an environment (port; the database makes it hold across replicas), so
 * a double click, two people clicking at once, or two replicas open one request. A claim is taken by the first
 * caller for a key, or taken over when the last claim already opened its request (whose state the caller checked)
 * or was abandoned (its claimer died before saying what it opened).
 */
public interface PromotionClaims {

    record Key(String service, String environment, String version) {
    }

    /** @param deployId the request the claim opened; null while it is being opened */
    record Claim(String claimedBy, Instant claimedAt, Long deployId) {
    }

    /**
     * @param token        this caller's own id for the claim, given back to {@link #opened} and {@link #release}
     * @param staleBefore  a claim still opening since before this is abandoned and may be taken over
     * @return true for exactly one of concurrent callers
     */
    boolean claim(Key key, String token, String by, Instant at, Instant staleBefore);

    /** The claim under {@code token} opened this request; a later claim may take over once the caller saw it end. */
    void opened(Key key, String token, long deployId);

    /** The claim under {@code token} opened nothing; the key is free at once. */
    void release(Key key, String token);

    Optional<Claim> find(Key key);
}
