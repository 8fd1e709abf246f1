package dev.flightdeck.persistence.status;

import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.status.PublicUpdate;
import dev.flightdeck.incident.status.PublicUpdates;
import dev.flightdeck.persistence.JdbcWork;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link PublicUpdates} on H2 or PostgreSQL in plain JDBC (table status_update, V30). A summary is inserted with
 * {@code ON CONFLICT DO NOTHING} on its per-incident key, so a second one stores nothing and aborts nothing.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcPublicUpdates implements PublicUpdates {

    /** The column's size; the Slack inputs hold 3,000 characters a part, four parts and headings fit. */
    static final int MAX_BODY = 12000;
    private static final String SUMMARY_KEY = "summary";

    private final JdbcWork jdbc;

    public JdbcPublicUpdates(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = new JdbcWork(jdbc, transactions);
    }

    @Override
    public Optional<PublicUpdate> add(PublicUpdate.New u) {
        String body = u.body().length() <= MAX_BODY ? u.body() : u.body().substring(0, MAX_BODY - 1) + "…";
        return jdbc.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO status_update (incident_number, kind, status, body, published_at, summary_key)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, u.incidentNumber());
                ps.setString(2, u.kind().name());
                ps.setString(3, u.status().name());
                ps.setString(4, body);
                ps.setObject(5, java.time.OffsetDateTime.ofInstant(u.at(), java.time.ZoneOffset.UTC));
                ps.setString(6, u.kind() == PublicUpdate.Kind.SUMMARY ? SUMMARY_KEY : null);
                if (ps.executeUpdate() != 1) {
                    return Optional.<PublicUpdate>empty();
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new PublicUpdate(keys.getLong(1), u.incidentNumber(), u.kind(), u.status(),
                            body, u.at()));
                }
            }
        });
    }

    @Override
    public List<PublicUpdate> of(Collection<Long> incidentNumbers) {
        if (incidentNumbers.isEmpty()) {
            return List.of();
        }
        List<Long> numbers = List.copyOf(incidentNumbers);
        String marks = String.join(", ", java.util.Collections.nCopies(numbers.size(), "?"));
        return jdbc.read(c -> JdbcWork.select(c, "SELECT id, incident_number, kind, status, body, published_at "
                + "FROM status_update WHERE incident_number IN (" + marks + ") ORDER BY published_at DESC, id DESC", ps -> {
            for (int i = 0; i < numbers.size(); i++) {
                ps.setLong(i + 1, numbers.get(i));
            }
        }, JdbcPublicUpdates::row));
    }

    private static PublicUpdate row(ResultSet rs) throws SQLException {
        return new PublicUpdate(rs.getLong("id"), rs.getLong("incident_number"),
                PublicUpdate.Kind.valueOf(rs.getString("kind")), IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("body"), rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant());
    }
}
