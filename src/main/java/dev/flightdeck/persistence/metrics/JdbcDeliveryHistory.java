package dev.flightdeck.persistence.metrics;

import dev.flightdeck.metrics.DeliveryHistory;
import dev.flightdeck.metrics.DeliverySlice;
import dev.flightdeck.metrics.MetricsPeriod;
import dev.flightdeck.persistence.deploy.DeployRequestRow;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DeliveryHistory} on the deploy_request, incident and audit_event tables (H2 or PostgreSQL), and the daily
 * rollup of finished deploys (delivery_day, {@link DeliveryDays}).
 */
@Singleton
public class JdbcDeliveryHistory implements DeliveryHistory {

    private final DeliveryDeployRows deploys;
    private final DeliveryIncidentRows incidents;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final DeliveryDays rolledUp;

    public JdbcDeliveryHistory(DeliveryDeployRows deploys, DeliveryIncidentRows incidents, JdbcOperations jdbc,
                               TransactionOperations<Connection> transactions, DeliveryDays rolledUp) {
        this.rolledUp = rolledUp;
        this.deploys = deploys;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<DeployFact> finishedBetween(Instant from, Instant to) {
        return finishedBetween(from, to, List.of());
    }

    /**
     * The seven columns metrics use, not the request's two dozen as entities: the 365-day page reads a year of every
     * team's production deploys, and mapping whole rows was most of its time (issue 20, growth). The state is checked
     * here, not in SQL: given {@code state IN (...)}, H2 reads every finished deploy ever through the state index
     * instead of the period's through {@code finished_at} (10× the rows at five years; the few aborted, rejected or
     * expired ones in the period cost less).
     */
    @Override
    public List<DeployFact> finishedBetween(Instant from, Instant to, List<String> environments) {
        String in = environments.isEmpty() ? "" : " AND environment IN ("
                + String.join(", ", java.util.Collections.nCopies(environments.size(), "?")) + ")";
        return transactions.executeRead(status -> jdbc.prepareStatement("""
                SELECT id, service, environment, state, requested_at, finished_at, rollback_of FROM deploy_request
                 WHERE finished_at >= ? AND finished_at < ?""" + in
                + " ORDER BY finished_at, id", ps -> {
                    ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                    ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                    for (int i = 0; i < environments.size(); i++) {
                        ps.setString(3 + i, environments.get(i));
                    }
                    List<DeployFact> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String state = rs.getString(4);
                            if (!"SUCCEEDED".equals(state) && !"FAILED".equals(state)) {
                                continue;
                            }
                            long rollbackOf = rs.getLong(7);
                            Optional<Long> rollback = rs.wasNull() ? Optional.empty() : Optional.of(rollbackOf);
                            out.add(new DeployFact(rs.getLong(1), rs.getString(2), rs.getString(3), state,
                                    rs.getObject(5, OffsetDateTime.class).toInstant(),
                                    Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                                    rollback));
                        }
                    }
                    return out;
                }));
    }

    @Override
    public DeliverySlice slice(MetricsPeriod period, List<String> environments, Set<String> services) {
        return rolledUp.slice(period, environments, services, this::finishedBetween);
    }

    @Override
    public Set<String> servicesRolledUp() {
        return rolledUp.services();
    }

    /** In request order (requested_at, id), sorted here: see {@link DeliveryDeployRows#rollbacksRequestedBetween}. */
    @Override
    public List<DeployFact> rollbacksRequestedBetween(Instant from, Instant to) {
        return deploys.rollbacksRequestedBetween(from, to).stream().map(JdbcDeliveryHistory::fact)
                .sorted(java.util.Comparator.comparing(DeployFact::requestedAt).thenComparing(DeployFact::id)).toList();
    }

    /**
     * The four columns metrics use (a year of twenty teams' incidents is thousands of rows), in one JDBC query: those
     * started in the period, then those resolved in it that started outside it. Two ranges, each on its own index; as
     * one {@code OR} H2 read every incident ever (issue 20, growth on H2).
     */
    @Override
    public List<IncidentFact> incidentsBetween(Instant from, Instant to) {
        return transactions.executeRead(status -> jdbc.prepareStatement("""
                SELECT id, title, started_at, resolved_at FROM incident WHERE started_at >= ? AND started_at < ?
                 UNION ALL
                SELECT id, title, started_at, resolved_at FROM incident WHERE resolved_at >= ? AND resolved_at < ?
                   AND (started_at < ? OR started_at >= ?)
                 ORDER BY 3, 1""", ps -> {
            OffsetDateTime a = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
            OffsetDateTime b = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
            for (int i = 0; i < 6; i += 2) {
                ps.setObject(i + 1, a);
                ps.setObject(i + 2, b);
            }
            List<IncidentFact> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IncidentFact(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
                }
            }
            return out;
        }));
    }

    @Override
    public boolean isEmpty() {
        return deploys.countAll() == 0 && incidents.countAll() == 0 && incidents.countAuditEvents() == 0;
    }

    private static DeployFact fact(DeployRequestRow r) {
        return new DeployFact(r.id(), r.service(), r.environment(), r.state(), r.requestedAt(),
                Optional.ofNullable(r.finishedAt()), Optional.ofNullable(r.rollbackOf()));
    }
}
