package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.DeployRepository.HistoryFilter;
import dev.flightdeck.deploy.DeployRequest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the web deploy history, the filters in the SQL (so a page is its limit of matching rows, whatever the
 * history holds) and only the filters chosen in it, so each shape gets its own plan: the primary key read backwards
 * from {@code beforeId}, or {@code (service, id)} / {@code (service, environment, id)} (V21) when a service is chosen.
 */
final class DeployHistoryPage {

    private DeployHistoryPage() {
    }

    /** Run inside a transaction (the caller's read transaction). */
    static List<DeployRequest> read(JdbcOperations jdbc, Instant from, Instant until, HistoryFilter filter,
                                    long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM deploy_request WHERE requested_at >= ? AND requested_at < ? AND id < ?");
        List<Object> args = new ArrayList<>(List.of(at(from), at(until), beforeId));
        filter.service().ifPresent(s -> {
            sql.append(" AND service = ?");
            args.add(s);
        });
        filter.environment().ifPresent(e -> {
            sql.append(" AND environment = ?");
            args.add(e);
        });
        filter.state().ifPresent(s -> {
            sql.append(" AND state = ?");
            args.add(s.name());
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, DeployRequestRow.class).map(JdbcDeployRepository::toDomain).toList();
            }
        });
    }

    private static OffsetDateTime at(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
