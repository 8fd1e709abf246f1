package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.CheckResult;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.List;

/** A request's check results written in one JDBC batch: one round trip, however many gates ran. */
final class DeployCheckBatch {

    private DeployCheckBatch() {
    }

    static void insert(JdbcOperations jdbc, long requestId, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                INSERT INTO deploy_check (request_id, ordinal, name, blocked, check_text, waiting, recheck_at, waits_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            for (int i = 0; i < checks.size(); i++) {
                CheckResult c = checks.get(i);
                ps.setLong(1, requestId);
                ps.setInt(2, i);
                ps.setString(3, c.name());
                ps.setBoolean(4, c.blocked());
                ps.setString(5, c.text());
                ps.setBoolean(6, c.waiting());
                ps.setObject(7, c.recheckAt() == null ? null : java.time.OffsetDateTime.ofInstant(c.recheckAt(),
                        java.time.ZoneOffset.UTC));
                ps.setString(8, c.waitsOn());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }
}
