package dev.flightdeck.slack.edge;

import dev.flightdeck.ready.DatabaseReady;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MigrationHold;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up with the migrations in the background (held here until released): the Slack edge answers /deploy help at
 * once, a copy of it is refused then and after, readiness is DOWN while liveness is UP, and a command that needs the
 * database waits for the schema and is then answered correctly, not with an error.
 */
class AnsweredWhileMigratingTest {

    static final String ALICE = "U0ALICE001";

    @Test
    void slackIsAnsweredWhileTheDatabaseIsMigratedAndWhatNeedsItWaitsForIt() throws Exception {
        FakeSlack slack = new FakeSlack().start();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                TestApp.properties(slack, Map.of(MigrationHold.PROPERTY, "true", "flyway.datasources.default.async", "true")))) {
            ApplicationContext context = server.getApplicationContext();
            DatabaseReady ready = context.getBean(DatabaseReady.class);
            SignedRequests signed = new SignedRequests(TestApp.SIGNING_SECRET, Clock.systemUTC()).forWorkspace(slack);
            String channel = slack.addChannel("deploys-migrating", ALICE);
            assertThat(ready.isReady()).as("migrations are held").isFalse();

            SignedRequest help = signed.slashCommand("/deploy", "help", ALICE, channel, slack.responseUrl());
            var reply = help.send(server.getURI());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().getAsJsonObject().get("text").getAsString()).contains("/deploy status");
            assertThat(help.send(server.getURI()).status()).as("a copy, before the database is ready").isEqualTo(409);

            assertThat(get(server.getURI().resolve("/health/liveness"))).isEqualTo(200);
            assertThat(get(server.getURI().resolve("/health"))).as("not ready while migrating").isEqualTo(503);

            SignedRequest list = signed.slashCommand("/incident", "list", ALICE, channel, slack.responseUrl());
            CompletableFuture<SignedRequest.Reply> waiting = CompletableFuture.supplyAsync(() -> list.send(server.getURI()));
            Thread.sleep(500);
            assertThat(waiting).as("waits for the schema").isNotDone();

            context.getBean(MigrationHold.class).release();
            var listed = waiting.get(20, TimeUnit.SECONDS);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().getAsJsonObject().get("text").getAsString()).contains("No open incidents");
            assertThat(ready.isReady()).isTrue();
            assertThat(help.send(server.getURI()).status()).as("a copy, after").isEqualTo(409);
            assertThat(get(server.getURI().resolve("/health"))).as("ready once migrated").isEqualTo(200);
        } finally {
            slack.stop();
        }
    }

    static int get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
