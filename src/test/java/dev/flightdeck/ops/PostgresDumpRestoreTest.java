package dev.flightdeck.ops;

import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.PostgresDatabase;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documented PostgreSQL route (docs/RUNBOOK.md): {@code pg_dump -Fc} of a database Flightdeck filled with a
 * deploy, an incident and their audit events, {@code pg_restore} into a fresh database; every table comes back row
 * for row, the audit table is still append-only, and new rows continue the ids.
 */
class PostgresDumpRestoreTest {

    @TempDir
    Path dir;

    @Test
    void pgDumpAndPgRestoreBringBackEveryRowAndTheAuditTrailStaysAppendOnly() throws Exception {
        String version = DeployDriver.newVersion();
        String title = "Payments timing out " + System.nanoTime();
        Path dump = dir.resolve("flightdeck.dump");
        try (PostgresDatabase source = PostgresDatabase.create(); PostgresDatabase target = PostgresDatabase.create()) {
            FakeSlack slack = new FakeSlack().start();
            Map<String, Object> props = new HashMap<>(TestApp.properties(slack, Map.of("incident-jobs.interval", "1h",
                    "flightdeck.deploy.scheduler-interval", "1h", "flightdeck.build.poll-every", "1h")));
            props.putAll(source.micronautProperties());
            props.put("micronaut.server.port", -1);
            try (EmbeddedServer app = ApplicationContext.run(EmbeddedServer.class, props)) {
                BackupCli.fillWithDeployAndIncident(slack, app, source::connect, version, title, "sev1");
            } finally {
                slack.stop();
            }

            run("pg_dump", "-Fc", "-h", "127.0.0.1", "-U", PostgresDatabase.USER, "-d", source.name(), "-f", dump.toString());
            run("pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "-h", "127.0.0.1", "-U", PostgresDatabase.USER,
                    "-d", target.name(), dump.toString());

            Map<String, List<List<Object>>> before;
            try (Connection c = source.connect()) {
                before = TableRows.of(c);
            }
            assertThat(before.keySet()).contains("audit_event", "deploy_request", "deploy_approval", "incident",
                    "incident_timeline", "flyway_schema_history");
            assertThat(before.get("deploy_request").toString()).contains(version);
            assertThat(before.get("incident").toString()).contains(title);
            assertThat(before.get("audit_event")).hasSizeGreaterThanOrEqualTo(3);
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                assertThat(TableRows.of(c)).isEqualTo(before);

                long maxId;
                try (ResultSet r = s.executeQuery("SELECT MAX(id) FROM audit_event")) {
                    r.next();
                    maxId = r.getLong(1);
                }
                s.execute("INSERT INTO audit_event (event_id, type, schema_version, actor, occurred_at, payload) VALUES ('"
                        + UUID.randomUUID() + "', 'restore.check', 1, 'U0OPS', CURRENT_TIMESTAMP, '{}')");
                try (ResultSet r = s.executeQuery("SELECT MAX(id) FROM audit_event")) {
                    r.next();
                    assertThat(r.getLong(1)).isGreaterThan(maxId);
                }
                assertThatThrownBy(() -> s.execute("DELETE FROM audit_event")).hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.execute("UPDATE audit_event SET actor = 'U0EVIL'")).hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.execute("TRUNCATE audit_event")).hasMessageContaining("append-only");
            }
        }
    }


    /** Runs a PostgreSQL client tool; fails with its output if it is missing or exits non-zero. */
    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }

}
