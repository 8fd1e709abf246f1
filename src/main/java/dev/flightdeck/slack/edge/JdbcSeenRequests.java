package dev.flightdeck.slack.edge;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link SeenRequests} in the table slack_request_seen: one indexed insert per request, a purge at most once a minute.
 * It lives in the Slack edge, not in persistence/: replayed signatures are a concern of Slack's request signing that
 * no domain rule knows of, so the edge keeps its own table (through the shared DataSource) rather than have a
 * persistence adapter import the Slack adapter.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcSeenRequests implements SeenRequests {

    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final SlackRequestSeenRows rows;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.EPOCH);

    public JdbcSeenRequests(SlackRequestSeenRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean firstTime(String key, Instant expiresAt, Instant now) {
        Instant due = nextPurge.get();
        // One request per minute on this replica does the purge; the others do not wait for it.
        if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            rows.deleteExpired(now);
        }
        return rows.insertIfAbsent(key, expiresAt) == 1;
    }
}
