package dev.flightdeck.envconfig.change;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a proposed secret value waits between the modal and the go (port). It is never stored in clear, never
 * logged, and gone once the request is final ({@link #forget}) or past {@code until}. docs/THREAT-MODEL.md says how
 * the adapter keeps it and what that trades.
 */
public interface PendingValues {

    /** Keeps {@code value} for change {@code changeId} until {@code until}. */
    void hold(long changeId, String value, Instant until);

    /** The value, if still held (not forgotten, not past its time). */
    Optional<String> read(long changeId, Instant now);

    /** Drops the value for good. Safe to call more than once. */
    void forget(long changeId);
}
