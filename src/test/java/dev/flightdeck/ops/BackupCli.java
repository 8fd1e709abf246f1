package dev.flightdeck.ops;

import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.persistence.backup.H2BackupCommand;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/** What the backup tests share: the backup/restore command as a user runs it, and a database filled through Slack. */
public final class BackupCli {

    public record Result(int code, String out, String err) {
    }

    public interface Connections {
        Connection open() throws SQLException;
    }

    private BackupCli() {
    }

    /** Runs {@code backup FILE} or {@code restore FILE} against {@code url}, capturing what it prints. */
    public static Result run(String url, String command, Path file) {
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

    /** Through the signed Slack edge: a prod deploy of commons that started its build, and a declared incident. */
    public static void fillWithDeployAndIncident(FakeSlack slack, EmbeddedServer app, Connections db, String version,
                                          String incidentTitle, String severity) throws Exception {
        DeployDriver d = new DeployDriver(slack, app);
        d.moveToWindow(true);
        var p = d.request("commons", version, "prod", DeployDriver.REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, p, DeployDriver.RM1);
        d.awaitState(p.id(), DeployState.RUNNING);
        d.awaitThreadReply(p, "PROD: Job commons-prod-server #");
        slack.addChannel("incidents");
        slack.addChannel("status");
        String declared = text(d.signed().slashCommand("/incident", "declare " + incidentTitle + " " + severity,
                DeployDriver.LEAD, d.commandChannel, slack.responseUrl()).send(app.getURI()));
        assertThat(declared).contains("Declaring INC-");
        awaitIncidentSetUp(db, incidentTitle);
    }

    public static String text(SignedRequest.Reply reply) {
        return reply.json().getAsJsonObject().get("text").getAsString();
    }
}
