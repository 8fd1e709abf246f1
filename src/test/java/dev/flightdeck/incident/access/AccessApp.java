package dev.flightdeck.incident.access;

import dev.flightdeck.testing.SetUpDone;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running Flightdeck for break-glass tests: the example team file with an {@code incidents.access} overlay
 * ({@link AccessAws}: IAM Identity Center in moto), FakeSlack (users, the approver group {@code @access-approvers}),
 * a MutableClock and signed Slack requests. The access job's waker is off: tests move the clock and call
 * {@link AccessJob#runDue()}. Started once per JVM; each test makes its own people and incidents.
 */
final class AccessApp {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String GROUP = "access-approvers";
    /** A person the team file's people: maps (login kim-ops), whose Slack e-mail no Identity Center user has. */
    static final String KIM = "UKIMOPS0001";
    private static final Pattern DECLARED = Pattern.compile("Declaring (INC-(\\d+))");
    private static AccessApp shared;

    final FakeSlack slack;
    final AccessAws aws = new AccessAws();
    final String approver;
    final String soleApprover;
    final String groupId;
    final Path overlay;
    final String dbUrl = "jdbc:h2:mem:access-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    EmbeddedServer server;
    MutableClock clock;
    SignedRequests signed;

    AccessApp() {
        slack = new FakeSlack().start();
        slack.addChannel("incidents");
        slack.addChannel("status");
        approver = slack.addUser("approver-" + System.nanoTime());
        soleApprover = slack.addUser("lead-" + System.nanoTime());
        groupId = slack.addUserGroup(GROUP, List.of(approver));
        slack.addUser(KIM, "kim", "Kim Ops", "kim.private@example.net");
        aws.addUser("kim-ops", "kim@corp.example.com");
        overlay = aws.overlay(GROUP, soleApprover, "kim-ops: " + KIM);
        start();
    }

    static synchronized AccessApp shared() {
        if (shared == null) {
            shared = new AccessApp();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.server.close();
                shared.slack.stop();
            }));
        }
        return shared;
    }

    /** Starts (again) on the same database, Slack and moto: what a restart, or another replica, sees. */
    void start() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.config.files", Path.of("flightdeck.example.yml").toAbsolutePath() + "," + overlay,
                "datasources.default.url", dbUrl,
                "flightdeck.access.wake", "false"));
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, properties));
        clock = server.getApplicationContext().getBean(MutableClock.class);
        signed = new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** A Slack user with an e-mail, and an Identity Center user of that e-mail; returns the Slack id. */
    String personWithUser(String name) {
        String email = name + "-" + System.nanoTime() + "@corp.example.com";
        String id = slack.addUser(slack.addUser(name + "-" + System.nanoTime()), name, name, email);
        aws.addUser(email, email);
        return id;
    }

    String person(String name) {
        return slack.addUser(name + "-" + System.nanoTime());
    }

    SignedRequest.Reply command(String text, String user, String channel) {
        SignedRequest.Reply reply = signed.slashCommand("/incident", text, user, channel, slack.responseUrl())
                .send(server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    static String text(SignedRequest.Reply reply) {
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    /** Declares through /incident and waits until its channel and card are there. */
    Incident declare(String title, String commander) {
        String answer = text(command("declare " + title, commander, slack.channel("incidents").orElseThrow().id()));
        Matcher m = DECLARED.matcher(answer);
        assertThat(m.find()).as("ack: " + answer).isTrue();
        return SetUpDone.await(bean(IncidentService.class), Long.parseLong(m.group(2)), WAIT);
    }

    SignedRequest.Reply click(String actionId, long requestId, String user, String channel) {
        SignedRequest.Reply reply = signed.blockAction(actionId, "access_actions:" + requestId,
                Long.toString(requestId), user, channel, "1700000000.000100", slack.responseUrl()).send(server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }
}
