package dev.flightdeck.slack.envconfig;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.MotoServer;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Flightdeck for the env-config edge tests (started once per JVM, shared by their classes): the fake Slack, a
 * moto_server seeded by {@link AwsSeed}, a local health server ({@link HealthServers}) and a team file written
 * for them with three services (commons, mailer, notifier). Every log line from its start is captured, for the
 * no-secret test.
 */
final class EnvConfigWorld {

    static final String ALICE = "U0ENVCFG01";

    private static EnvConfigWorld world;

    final FakeSlack slack;
    final MotoServer moto;
    final HealthServers health;
    final EmbeddedServer server;
    final LogCapture logs;
    final AwsSeed seed;

    private EnvConfigWorld(FakeSlack slack, MotoServer moto, HealthServers health, EmbeddedServer server,
                           LogCapture logs, AwsSeed seed) {
        this.slack = slack;
        this.moto = moto;
        this.health = health;
        this.server = server;
        this.logs = logs;
        this.seed = seed;
    }

    static synchronized EnvConfigWorld get() throws Exception {
        if (world == null) {
            LogCapture logs = LogCapture.root();
            MotoServer moto = new MotoServer();
            moto.start();
            AwsSeed seed = AwsSeed.into(moto);
            HealthServers health = HealthServers.start();
            FakeSlack slack = new FakeSlack().start();
            Path team = writeTeamFile(health);
            Map<String, Object> overrides = new HashMap<>();
            overrides.put("micronaut.config.files", team.toString());
            overrides.put("aws.region", moto.region().id());
            overrides.put("aws.endpoint-url", moto.endpoint().toString());
            overrides.put("aws.access-key-id", "testing");
            overrides.put("aws.secret-access-key", "testing");
            overrides.put("health.timeout", "700ms");
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, overrides));
            world = new EnvConfigWorld(slack, moto, health, server, logs, seed);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                slack.stop();
                health.stop();
                moto.stop();
            }));
        }
        return world;
    }

    URI uri() {
        return server.getURI();
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    SignedRequests signed() {
        return new SignedRequests(TestApp.SIGNING_SECRET, bean(MutableClock.class)).forWorkspace(slack);
    }

    /** Sends {@code /deploy <text>}, expects the immediate "looking up" ack, and returns the answer posted later. */
    FakeSlack.Call deploy(String text) {
        String channel = slack.addChannel("envcfg-" + System.nanoTime(), ALICE);
        String responseUrl = slack.responseUrl();
        var reply = signed().slashCommand("/deploy", text, ALICE, channel, responseUrl).send(uri());
        if (reply.status() != 200) {
            throw new AssertionError("/deploy " + text + " answered HTTP " + reply.status() + ": " + reply.body());
        }
        return slack.awaitResponse(responseUrl, Duration.ofSeconds(30));
    }

    /** The immediate (ack) answer only. */
    String ack(String text) {
        String channel = slack.addChannel("envcfg-" + System.nanoTime(), ALICE);
        var reply = signed().slashCommand("/deploy", text, ALICE, channel, slack.responseUrl()).send(uri());
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    private static Path writeTeamFile(HealthServers health) throws IOException {
        String yaml = """
                flightdeck:
                  environments:
                    dev: { channel: "#deploys-dev", approvals: 0 }
                    staging: { channel: "#deploys", approvals: 1, approvers: ["@developers"] }
                    prod:
                      channel: "#deploys"
                      approvals: 1
                      approvers: ["@release-managers"]
                      gates: [lock, alarms, config]
                  services:
                    commons:
                      build: { jenkins: { url: "https://jenkins.example.com", job: "commons-{env}", user: bot, token-env: JT } }
                      config:
                        ssm-path: "/commons/{env}/"
                        secrets: ["commons/{env}"]
                        rules:
                          required: [EMAIL_QUEUE_URL, DATABASE_URL]
                          patterns:
                            EMAIL_QUEUE_URL: "^https://sqs\\\\.[a-z0-9-]+\\\\.amazonaws\\\\.com/[0-9]+/commons-{env}-emails$"
                          differ-across-environments: [EMAIL_QUEUE_URL]
                          unique-across-services: [EMAIL_QUEUE_URL]
                      alarms: { prefix: "commons-{env}-" }
                      health:
                        prod: "%s"
                        staging: "%s"
                        dev: "%s"
                    mailer:
                      build: { jenkins: { url: "https://jenkins.example.com", job: "mailer-{env}", user: bot, token-env: JT } }
                      config:
                        ssm-path: "/mailer/{env}/"
                      alarms: { tag: { service: mailer } }
                    notifier:
                      build: { jenkins: { url: "https://jenkins.example.com", job: "notifier-{env}", user: bot, token-env: JT } }
                      config:
                        ssm-path: "/notifier/{env}/"
                        rules:
                          required: [EMAIL_QUEUE_URL]
                          patterns:
                            EMAIL_QUEUE_URL: "-{env}-emails$"
                    web:
                      build: { jenkins: { url: "https://jenkins.example.com", job: "web-{env}", user: bot, token-env: JT } }
                    big:
                      build: { jenkins: { url: "https://jenkins.example.com", job: "big-{env}", user: bot, token-env: JT } }
                      config:
                        ssm-path: "/big/{env}"
                """.formatted(health.url("/ok"), health.url("/down"), health.url("/hang"));
        Path file = Files.createTempFile("envcfg-team-", ".yml");
        Files.writeString(file, yaml);
        file.toFile().deleteOnExit();
        return file;
    }

    static List<String> envs() {
        return List.of("dev", "staging", "prod");
    }
}
