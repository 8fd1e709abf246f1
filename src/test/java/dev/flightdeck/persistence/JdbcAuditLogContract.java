package dev.flightdeck.persistence;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditLogContract;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link AuditLogContract} on a real database through the Micronaut context, plus what only a database
 * can show: the wiring of {@link Auditor}, and that the table itself refuses UPDATE and DELETE.
 * Subclasses choose the database (H2 in PostgreSQL mode, PostgreSQL).
 */
abstract class JdbcAuditLogContract extends AuditLogContract {

    @Inject
    AuditLog auditLog;
    @Inject
    Auditor auditor;
    @Inject
    JsonMapper jsonMapper;

    /** A plain JDBC connection to the same database, outside Micronaut Data. */
    protected abstract Connection rawConnection() throws SQLException;

    @Override
    protected AuditLog auditLog() {
        return auditLog;
    }

    @Test
    void auditLogIsTheJdbcAdapter() {
        assertThat(auditLog).isInstanceOf(JdbcAuditLog.class);
    }

    @Test
    void auditorStampsIdTimeTraceAndSchemaVersionAndStoresCanonicalJson() throws Exception {
        AuditType rolledBack = new AuditType(ns + ".deploy.rolled_back", 2);
        Instant before = Instant.now();
        AuditEvent recorded;
        MDC.put(Auditor.TRACE_ID_MDC_KEY, "trace-" + ns);
        try {
            recorded = auditor.record(rolledBack, actor("alice"), Map.of(
                    "service", "commons",
                    "reason", "p95 <2s & \"errors\" ↑ 🚒",
                    "alarms", List.of("api-5xx", "latency"),
                    "window", Map.of("to", "17:00", "from", "09:00"),
                    "attempt", 2));
        } finally {
            MDC.remove(Auditor.TRACE_ID_MDC_KEY);
        }

        List<AuditEvent> stored = auditLog.find(AuditQuery.newestFirst(5).ofTypes(rolledBack.name()));

        assertThat(stored).containsExactly(recorded);
        AuditEvent event = stored.get(0);
        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(event.traceId()).contains("trace-" + ns);
        assertThat(event.occurredAt()).isBetween(before.minusMillis(1), Instant.now());
        // Keys sorted at every level, so equal details give equal text (JSON may escape the emoji).
        assertThat(event.payloadJson())
                .startsWith("{\"alarms\":[\"api-5xx\",\"latency\"],\"attempt\":2,\"reason\":")
                .endsWith(",\"service\":\"commons\",\"window\":{\"from\":\"09:00\",\"to\":\"17:00\"}}");
        Map<String, Object> payload = jsonMapper.readValue(event.payloadJson(), Argument.mapOf(String.class, Object.class));
        assertThat(payload).isEqualTo(Map.of(
                "service", "commons",
                "reason", "p95 <2s & \"errors\" ↑ 🚒",
                "alarms", List.of("api-5xx", "latency"),
                "window", Map.of("to", "17:00", "from", "09:00"),
                "attempt", 2));
    }

    @Test
    void recordOnceWithTheSameKeyStoresOneEvent() {
        AuditType approved = new AuditType(ns + ".deploy.approved", 1);

        AuditEvent first = auditor.recordOnce(approved, actor("bob"), "slack-action-1712.000100", Map.of("deploy", 7));
        auditor.recordOnce(approved, actor("bob"), "slack-action-1712.000100", Map.of("deploy", 7));
        auditor.recordOnce(approved, actor("bob"), "slack-action-1712.000200", Map.of("deploy", 8));
        assertThat(auditor.recordFirst(approved, actor("bob"), "slack-action-1712.000200", Map.of("deploy", 8)))
                .as("already stored: not the first").isFalse();
        assertThat(auditor.recordFirst(approved, actor("bob"), "slack-action-1712.000300", Map.of("deploy", 9)))
                .as("a new key is stored").isTrue();

        List<AuditEvent> stored = auditLog.find(AuditQuery.oldestFirst(10).ofTypes(approved.name()));
        assertThat(stored).hasSize(3).first().isEqualTo(first);
    }

    @Test
    void theDatabaseRefusesUpdateAndDeleteOfAuditRows() throws SQLException {
        AuditEvent event = event("config.changed", actor("carol"), t0, "{\"key\":\"FEATURE_X\"}");
        auditLog.append(event);

        try (Connection connection = rawConnection()) {
            connection.setAutoCommit(true);
            assertThatThrownBy(() -> execute(connection,
                    "UPDATE audit_event SET actor = 'mallory' WHERE event_id = ?", event))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(connection, "DELETE FROM audit_event WHERE event_id = ?", event))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThat(countRows(connection, event)).isEqualTo(1);
        }
        assertThat(auditLog.find(AuditQuery.newestFirst(5).ofTypes(event.type()))).containsExactly(event);
    }

    private static void execute(Connection connection, String sql, AuditEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, event.eventId());
            statement.executeUpdate();
        }
    }

    private static int countRows(Connection connection, AuditEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM audit_event WHERE event_id = ?")) {
            statement.setObject(1, event.eventId());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
