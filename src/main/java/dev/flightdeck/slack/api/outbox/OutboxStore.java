package dev.flightdeck.slack.api.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the outbox keeps its entries ({@link JdbcOutboxStore}). Every change after the insert is conditional on the
 * claim token, so a replica whose lease ran out cannot overwrite what the next claimer did.
 */
public interface OutboxStore {

    /** Inserts unless an entry with the same message key exists; returns the stored entry either way. */
    OutboxEntry enqueue(OutboxEntry.New entry);

    Optional<OutboxEntry> find(long id);

    Optional<OutboxEntry> findByKey(String messageKey);

    /** The oldest pending entry of each ordering key that is due and not claimed, oldest first. */
    List<OutboxEntry> dueHeads(Instant now, int limit);

    /**
     * When the oldest pending entry of some ordering key is next due (its next try, or the end of its claim); empty
     * when nothing is pending. A store that cannot say answers "now" (always look).
     */
    default Optional<Instant> nextDue() {
        return Optional.of(Instant.EPOCH);
    }

    /** The oldest pending entry of one ordering key, if it is due and not claimed. */
    Optional<OutboxEntry> dueHead(String orderingKey, Instant now);

    /**
     * Claims {@code entry} until {@code until}, only if it is still pending, due, unclaimed (or its lease ended) and
     * no older entry of its ordering key is pending.
     */
    boolean claim(OutboxEntry entry, Instant now, Instant until, String token);

    boolean markSent(long id, String token, Instant at, String channel, String ts);

    /** Releases the claim and sets the next try; {@code countAttempt} false when the entry only waited (parent). */
    boolean retryLater(long id, String token, Instant next, boolean countAttempt, String error);

    /** FAILED or EXPIRED: given up, with the reason. */
    boolean giveUp(long id, String token, OutboxEntry.State state, Instant at, String error);

    Backlog backlog();

    /** Entries given up on (failed or expired) since {@code since}, newest first. */
    List<OutboxEntry> givenUpSince(Instant since, int limit);

    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {
    }
}
