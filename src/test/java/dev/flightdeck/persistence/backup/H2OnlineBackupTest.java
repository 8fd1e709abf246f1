package dev.flightdeck.persistence.backup;

import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.api.outbox.OutboxStore;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.ops.BackupCli;
import dev.flightdeck.ops.TableRows;

/**
 * {@code backup FILE} while Flightdeck runs on its H2 file (which it holds locked): the command gets the script from
 * the running service over its owner-only admin socket. The backup restores into an empty database row for row, and
 * a Flightdeck started on the restored database serves the history through Slack.
 */
class H2OnlineBackupTest {

    @TempDir
    Path dir;

    @Test
    void aRunningServiceIsBackedUpOnlineAndAServiceOnTheRestoredDatabaseShowsTheHistory() throws Exception {
        String live = fileUrl(dir.resolve("live/flightdeck"));
        String restored = fileUrl(dir.resolve("restored/flightdeck"));
        Path backupFile = dir.resolve("flightdeck-backup.sql");
        String version = DeployDriver.newVersion();
        String incidentTitle = "Checkout returns 500s " + System.nanoTime();
        Map<String, List<List<Object>>> atBackup;

        FakeSlack slack = new FakeSlack().start();
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, properties(slack, live))) {
            BackupCli.fillWithDeployAndIncident(slack, a, pool(a)::getConnection, version, incidentTitle, "sev2");
            // The outbox sends what the fill owes Slack in the background: let it finish, so the snapshot and the
            // tables read after it are of one quiet moment (a message sent in between would differ in state only).
            awaitOutboxDelivered(a);

            // The service holds the file: opening it directly fails, so the command must have asked the service.
            assertThat(adminSocketDirectoryIsOwnerOnly(dir.resolve("live/flightdeck.admin"))).isTrue();
            // A client that connects and never speaks does not hold up the backup.
            try (var silent = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                silent.connect(java.net.UnixDomainSocketAddress.of(dir.resolve("live/flightdeck.admin/backup.sock")));
                BackupCli.Result backup = BackupCli.run(live, "backup", backupFile);
                assertThat(backup.code()).as(backup.err()).isZero();
                assertThat(backup.out()).contains("from the running Flightdeck");
            }
            try (Connection c = pool(a).getConnection()) {
                atBackup = TableRows.of(c);
            }
        }
        slack.stop();
        assertThat(Files.readString(backupFile)).contains(version, incidentTitle);
        assertThat(Files.list(dir)).noneMatch(f -> f.getFileName().toString().endsWith(".partial"));

        BackupCli.Result restore = BackupCli.run(restored, "restore", backupFile);
        assertThat(restore.code()).as(restore.err()).isZero();
        try (Connection c = DriverManager.getConnection(restored, "sa", "")) {
            assertThat(TableRows.of(c)).isEqualTo(atBackup);
        }

        FakeSlack slackB = new FakeSlack().start();
        try (EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, properties(slackB, restored))) {
            DeployDriver d = new DeployDriver(slackB, b);
            String history = BackupCli.text(d.command("history commons prod", DeployDriver.REQUESTER, slackB.responseUrl()));
            assertThat(history).contains("commons `" + version + "`", "go from <@" + DeployDriver.RM1 + ">");
            String incidents = BackupCli.text(d.signed().slashCommand("/incident", "list", DeployDriver.LEAD, d.commandChannel,
                    slackB.responseUrl()).send(b.getURI()));
            assertThat(incidents).contains(incidentTitle, "sev2");
        } finally {
            slackB.stop();
        }
    }

    @Test
    void withNoServiceRunningTheFileIsBackedUpDirectlyAndAStaleSocketIsIgnored() throws Exception {
        String url = fileUrl(dir.resolve("db/flightdeck"));
        FakeSlack slack = new FakeSlack().start();
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class, properties(slack, url))) {
            assertThat(dir.resolve("db/flightdeck.admin/backup.sock")).exists();
        } finally {
            slack.stop();
        }
        assertThat(dir.resolve("db/flightdeck.admin/backup.sock")).doesNotExist();
        Files.createFile(dir.resolve("db/flightdeck.admin/backup.sock")); // as a killed service would leave it
        BackupCli.Result backup = BackupCli.run(url, "backup", dir.resolve("offline.sql"));
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("from the database file");
        assertThat(Files.readString(dir.resolve("offline.sql"))).contains("CREATE", "deploy_request");
    }


    private static void awaitOutboxDelivered(EmbeddedServer app) throws InterruptedException {
        OutboxStore outbox = app.getApplicationContext().getBean(OutboxStore.class);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (outbox.backlog().pending() > 0) {
            assertThat(System.nanoTime()).as("the outbox still owes Slack messages after 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static DataSource pool(EmbeddedServer app) {
        var context = app.getApplicationContext();
        return context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
    }

    static String fileUrl(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static Map<String, Object> properties(FakeSlack slack, String url) {
        // No scheduled job may write between the backup and the comparison: the clock stands still anyway.
        return TestApp.properties(slack, Map.of("datasources.default.url", url, "incident-jobs.interval", "1h",
                "flightdeck.deploy.scheduler-interval", "1h", "flightdeck.build.poll-every", "1h"));
    }

    private static boolean adminSocketDirectoryIsOwnerOnly(Path admin) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(admin)).equals("rwx------");
    }



}
