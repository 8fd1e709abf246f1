package dev.flightdeck.aws.events;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * EventBridge event ids already taken, in the table aws_event_seen: one indexed insert per delivery, a purge at most
 * once a minute. Kept inside the events adapter (through the shared DataSource) as the Slack edge keeps its replay
 * table: de-duplicating a vendor's deliveries is a concern of this route, not of any domain rule.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class SeenAwsEvents {

    /** EventBridge retries a delivery for up to 24 hours (its default and maximum); three days covers that amply. */
    static final Duration KEEP = Duration.ofDays(3);
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final AwsEventSeenRows rows;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.EPOCH);

    public SeenAwsEvents(AwsEventSeenRows rows) {
        this.rows = rows;
    }

    /** True only for the first caller with this event id, on any replica, until it is forgotten or purged. */
    public boolean firstTime(String eventId, Instant now) {
        Instant due = nextPurge.get();
        // One delivery per minute on this replica does the purge; the others do not wait for it.
        if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            rows.deleteSeenBefore(now.minus(KEEP));
        }
        return rows.insertIfAbsent(eventId, now) == 1;
    }

    /** The event was not handled after all: its next delivery (EventBridge's retry, a replay) is taken again. */
    public void forget(String eventId) {
        rows.forget(eventId);
    }
}
