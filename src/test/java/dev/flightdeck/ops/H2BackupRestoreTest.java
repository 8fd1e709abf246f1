package dev.flightdeck.ops;

import dev.flightdeck.persistence.H2Databases;
import dev.flightdeck.ready.DatabaseReady;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.flightdeck.persistence.backup.H2BackupCommand;

/** backup FILE / restore FILE on H2: a filled database comes back row for row, into an empty database only. */
class H2BackupRestoreTest {

    static String source;

    @TempDir
    Path dir;

    @BeforeAll
    static void aMigratedDatabaseWithDeploysIncidentsAndAuditEvents() throws SQLException {
        source = H2Databases.inMemoryUrl("backup-source-" + UUID.randomUUID());
        migrate(source);
        try (Connection c = DriverManager.getConnection(source, "sa", ""); Statement s = c.createStatement()) {
            for (int i = 1; i <= 3; i++) {
                s.execute("INSERT INTO deploy_request (service, environment, version, requester_id, runner_id, note, state,"
                        + " row_version, approvals_required, requested_at, state_actor, state_changed_at, nudges_sent,"
                        + " build_label) VALUES ('commons', 'prod', '5.11." + i + "', 'U0ALICE001', 'U0ALICE001',"
                        + " 'note " + i + "', 'SUCCEEDED', 3, 1, TIMESTAMP WITH TIME ZONE '2026-01-0" + i + " 10:00:00+00',"
                        + " 'system:build', TIMESTAMP WITH TIME ZONE '2026-01-0" + i + " 10:30:00+00', 0, '#" + (100 + i) + "')");
                s.execute("INSERT INTO deploy_approval (request_id, approver_id, approved_at) VALUES (" + i
                        + ", 'U0LEAD', TIMESTAMP WITH TIME ZONE '2026-01-0" + i + " 10:05:00+00')");
                s.execute("INSERT INTO deploy_check (request_id, ordinal, name, blocked, check_text) VALUES (" + i
                        + ", 1, 'window', FALSE, 'inside Mon-Thu 09:00-16:00')");
            }
            s.execute("INSERT INTO deploy_lock (service, environment, locked_by, reason, locked_at) VALUES ('billing',"
                    + " 'prod', 'U0LEAD', 'migration', TIMESTAMP WITH TIME ZONE '2026-01-04 09:00:00+00')");
            s.execute("INSERT INTO incident (title, severity, status, commander_id, declared_by, started_at, setup_complete,"
                    + " channel_id, summary_text) VALUES ('Checkout errors', 'sev2', 'RESOLVED', 'U0BOB', 'U0BOB',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-05 12:00:00+00', TRUE, 'C0INC1', 'Rolled back 5.11.3')");
            s.execute("INSERT INTO incident_timeline (incident_id, occurred_at, author_id, kind, body, dedup_key) VALUES"
                    + " (1, TIMESTAMP WITH TIME ZONE '2026-01-05 12:01:00+00', 'U0BOB', 'NOTE', 'rolling back', 'k1')");
            for (int i = 1; i <= 5; i++) {
                s.execute("INSERT INTO audit_event (event_id, type, schema_version, actor, occurred_at, trace_id, payload)"
                        + " VALUES ('" + UUID.randomUUID() + "', 'deploy.state_changed', 1, 'U0ALICE001',"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-0" + i + " 10:30:00+00', 'trace" + i + "',"
                        + " '{\"request\":" + i + "}')");
            }
            s.execute("INSERT INTO fingerprint_key (id, key_hex, created_at) VALUES (1, '" + "ab".repeat(32) + "',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");
        }
    }

    @Test
    void aBackupRestoredIntoAFreshDatabaseHasEveryTableRowForRow() throws Exception {
        Path file = dir.resolve("flightdeck-backup.sql");
        BackupCli.Result backup = BackupCli.run(source, "backup", file);
        assertThat(backup.code()).as(backup.err()).isZero();
        String restored = H2Databases.inMemoryUrl("backup-restored-" + UUID.randomUUID());
        BackupCli.Result restore = BackupCli.run(restored, "restore", file);
        assertThat(restore.code()).as(restore.err()).isZero();

        Map<String, List<List<Object>>> before = everyTable(source);
        assertThat(before.keySet()).contains("audit_event", "deploy_request", "deploy_approval", "deploy_check",
                "deploy_lock", "incident", "incident_timeline", "fingerprint_key", "flyway_schema_history");
        assertThat(before.get("audit_event")).hasSize(5);
        assertThat(everyTable(restored)).isEqualTo(before);

        try (Connection c = DriverManager.getConnection(restored, "sa", ""); Statement s = c.createStatement()) {
            // New rows continue the ids, and the audit trail is still append-only after a restore.
            s.execute("INSERT INTO audit_event (event_id, type, schema_version, actor, occurred_at, payload) VALUES ('"
                    + UUID.randomUUID() + "', 'x', 1, 'U0', CURRENT_TIMESTAMP, '{}')");
            try (ResultSet max = s.executeQuery("SELECT MAX(id) FROM audit_event")) {
                max.next();
                assertThat(max.getLong(1)).isEqualTo(6);
            }
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_event")).hasMessageContaining("append-only");
        }
        // Flyway sees a migrated database: the restored one starts the service with no migration to run.
        migrate(restored);
    }

    @Test
    void restoreRefusesADatabaseThatIsNotEmptyAndBackupNeverOverwrites() throws Exception {
        Path file = dir.resolve("backup.sql");
        BackupCli.Result backup = BackupCli.run(source, "backup", file);
        assertThat(backup.code()).as(backup.err()).isZero();

        BackupCli.Result intoFilled = BackupCli.run(source, "restore", file);
        assertThat(intoFilled.code()).isEqualTo(1);
        assertThat(intoFilled.err()).contains("is not empty").contains("audit_event");

        BackupCli.Result overwrite = BackupCli.run(source, "backup", file);
        assertThat(overwrite.code()).isEqualTo(1);
        assertThat(overwrite.err()).contains("already exists");
    }

    @Test
    void postgresIsSentToPgDumpAndAMissingDatabaseIsNotBackedUpEmpty() throws Exception {
        BackupCli.Result postgres = BackupCli.run("jdbc:postgresql://db.internal:5432/flightdeck", "backup", dir.resolve("pg.sql"));
        assertThat(postgres.code()).isEqualTo(1);
        assertThat(postgres.err()).contains("pg_dump -Fc").contains("pg_restore").doesNotContain("db.internal");

        BackupCli.Result missing = BackupCli.run("jdbc:h2:" + dir.resolve("nothing-here").toAbsolutePath(), "backup", dir.resolve("m.sql"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("m.sql"))).isFalse();

        assertThat(H2BackupCommand.run(List.of("backup"), Map.of(), System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    void theDefaultDatabaseIsTheServicesDefault() throws Exception {
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(applicationYml).contains("url: " + H2BackupCommand.DEFAULT_URL);
    }



    /** Every table's rows, ordered by their first column, with every column's value. */
    private static Map<String, List<List<Object>>> everyTable(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            return TableRows.of(c);
        }
    }

    private static void migrate(String url) {
        Map<String, Object> properties = new HashMap<>(H2Databases.micronautProperties(url));
        properties.put("micronaut.health.monitor.enabled", "false");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            context.getBean(DataSource.class); // creating the pool is what starts Flyway
            context.getBean(DatabaseReady.class).await(Duration.ofMinutes(2)); // done, also when in the background
        }
    }
}
