package dev.flightdeck.ops;

import dev.flightdeck.slack.deploy.DeployDriver;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** What the backup tests share: the backup/restore command as a user runs it, and waiting for a declared incident. */
final class BackupCli {

    record Result(int code, String out, String err) {
    }

    interface Connections {
        Connection open() throws SQLException;
    }

    private BackupCli() {
    }

    /** Runs {@code backup FILE} or {@code restore FILE} against {@code url}, capturing what it prints. */
    static Result run(String url, String command, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = H2BackupCommand.run(List.of(command, file.toString()),
                Map.of("DATASOURCES_DEFAULT_URL", url, "DATASOURCES_DEFAULT_USERNAME", "sa", "DATASOURCES_DEFAULT_PASSWORD", ""),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The declaration finishes after the ack (channel, card, announcement); a backup taken before would miss it. */
    static void awaitIncidentSetUp(Connections db, String title) throws Exception {
        long deadline = System.nanoTime() + DeployDriver.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = db.open(); var s = c.prepareStatement(
                    "SELECT COUNT(*) FROM incident WHERE title = ? AND setup_complete")) {
                s.setString(1, title);
                try (var r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == 1) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("incident '" + title + "' was not set up");
    }
}
