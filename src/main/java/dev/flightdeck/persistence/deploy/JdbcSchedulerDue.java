package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.DeployState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/** The deploy scheduler's one-row question for {@link JdbcDeployRepository}: when is something next due. */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
class JdbcSchedulerDue {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    JdbcSchedulerDue(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The pending states as SQL literals (enum names, not input), for the scheduler's one-row question. */
    private static final String PENDING_IN = JdbcDeployRepository.names(DeployState.PENDING).stream().map(n -> "'" + n + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    /** When the deploy scheduler next has work: the earliest nudge, expiry, or go/no-go owed (its post missing). */
    Optional<Instant> next(java.time.Duration unpostedGrace) {
        // Three index lookups in one round trip (V21: state with next_nudge_at, with expires_at); in a read
        // transaction of its own, as the waker asks outside any.
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT (SELECT MIN(next_nudge_at) FROM deploy_request WHERE state IN " + PENDING_IN
                + "), (SELECT MIN(expires_at) FROM deploy_request WHERE state IN " + PENDING_IN
                + "), (SELECT MIN(requested_at) FROM deploy_request WHERE message_ts IS NULL AND state IN " + PENDING_IN
                + ")", ps -> {
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        Optional<Instant> due = earliest(Optional.empty(), rs, 1);
                        due = earliest(due, rs, 2);
                        java.time.OffsetDateTime unposted = rs.getObject(3, java.time.OffsetDateTime.class);
                        Optional<Instant> owed = Optional.ofNullable(unposted).map(t -> t.toInstant().plus(unpostedGrace));
                        return owed.isPresent() && (due.isEmpty() || owed.get().isBefore(due.get())) ? owed : due;
                    }
                }));
    }

    private static Optional<Instant> earliest(Optional<Instant> so, java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        if (t == null) {
            return so;
        }
        Instant at = t.toInstant();
        return so.isPresent() && so.get().isBefore(at) ? so : Optional.of(at);
    }
}
