package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.DeployState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/** The schedulers' "when is something next due" questions for {@link JdbcDeployRepository}: the deploy scheduler's, the build poller's. */
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

    /** Per service, environment and state, the earliest state change (the build poller's question; state index). */
    java.util.List<dev.flightdeck.deploy.DeployRepository.OldestInState> oldestInStates(java.util.Set<DeployState> states) {
        if (states.isEmpty()) {
            return java.util.List.of();
        }
        String in = JdbcDeployRepository.names(states).stream().map(n -> "'" + n + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT service, environment, state,"
                + " MIN(state_changed_at) FROM deploy_request WHERE state IN " + in + " GROUP BY service, environment, state",
                ps -> {
                    java.util.List<dev.flightdeck.deploy.DeployRepository.OldestInState> out = new java.util.ArrayList<>();
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new dev.flightdeck.deploy.DeployRepository.OldestInState(rs.getString(1),
                                    rs.getString(2), DeployState.valueOf(rs.getString(3)),
                                    rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
                        }
                    }
                    return out;
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
