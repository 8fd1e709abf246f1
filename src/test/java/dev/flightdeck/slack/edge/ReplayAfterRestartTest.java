package dev.flightdeck.slack.edge;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded H2 file the replay check lives in memory; the keys are written behind to the file, so a copy of a
 * request answered before a restart is still refused after it, within the request's window.
 */
class ReplayAfterRestartTest {

    static final String ALICE = "U0ALICE001";

    @TempDir
    Path dir;

    @Test
    void aCopyOfARequestAnsweredBeforeARestartIsRefusedAfterIt() throws InterruptedException {
        FakeSlack slack = new FakeSlack().start();
        try {
            String url = "jdbc:h2:file:" + dir.resolve("flightdeck").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            Map<String, Object> properties = TestApp.properties(slack, Map.of("datasources.default.url", url));
            String channel = slack.addChannel("replay-restart", ALICE);
            SignedRequest help;
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties)) {
                SignedRequests signed = new SignedRequests(TestApp.SIGNING_SECRET,
                        first.getApplicationContext().getBean(MutableClock.class)).forWorkspace(slack);
                help = signed.slashCommand("/deploy", "help", ALICE, channel, slack.responseUrl());
                assertThat(help.send(first.getURI()).status()).isEqualTo(200);
                assertThat(help.send(first.getURI()).status()).as("a copy, refused from memory").isEqualTo(409);
                // Written behind while running, not only at shutdown.
                JdbcSeenRequests table = first.getApplicationContext().getBean(JdbcSeenRequests.class);
                awaitRows(table, 1);
            }

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties)) {
                assertThat(help.send(second.getURI()).status()).as("the copy after the restart").isEqualTo(409);
                SignedRequests signed = new SignedRequests(TestApp.SIGNING_SECRET,
                        second.getApplicationContext().getBean(MutableClock.class)).forWorkspace(slack);
                assertThat(signed.slashCommand("/deploy", "help", ALICE, channel, slack.responseUrl())
                        .send(second.getURI()).status()).as("a new request").isEqualTo(200);
            }
        } finally {
            slack.stop();
        }
    }

    /** Waits (at most 20 s) for the write-behind to reach the table: {@code n} batches. */
    private static void awaitRows(JdbcSeenRequests table, int n) throws InterruptedException {
        Instant past = Instant.EPOCH;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (table.unexpiredBatches(past).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(table.unexpiredBatches(past)).hasSize(n);
    }
}
