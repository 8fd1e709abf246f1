package dev.flightdeck.reliability;

import dev.flightdeck.testing.PostgresDatabase;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * A signed request captured on the way and sent again within its 5-minute window: commands and
 * clicks are refused on every replica, because the signatures seen are kept in the database; Slack's own retries of
 * events still get their 200.
 */
class ReplayedRequestsTest {

    static final String ALICE = "U0ALICE001";
    static final Pattern DECLARED = Pattern.compile("Declaring INC-(\\d+)");
    final TestApp app = TestApp.shared("hostile");
    String channel;

    @BeforeEach
    void seed() {
        channel = app.slack.addChannel("replay-" + System.nanoTime(), ALICE);
    }

    @Test
    void aReplayedIncidentDeclareIsRefusedAndDeclaresNothingMore() {
        SignedRequest declare = app.signed().slashCommand("/incident", "declare Replayed checkout outage sev3", ALICE,
                channel, app.slack.responseUrl());
        long first = declared(declare.send(app.uri()));

        SignedRequest.Reply replay = declare.send(app.uri());

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).contains("already received");
        Hostile.assertNoStackTrace(replay);
        // Had the replay declared, the next incident would be first + 2.
        long next = declared(app.signed().slashCommand("/incident", "declare Another outage sev3", ALICE, channel,
                app.slack.responseUrl()).send(app.uri()));
        assertThat(next).isEqualTo(first + 1);
    }

    @Test
    void aReplayedClickAndAReplayedHelpAreRefusedToo() throws InterruptedException {
        SignedRequest help = app.signed().slashCommand("/deploy", "help", ALICE, channel, app.slack.responseUrl());
        SignedRequest click = app.signed().blockAction(DeploySlackIds.DEPLOY_GO, DeploySlackIds.DEPLOY_ACTIONS_BLOCK, "999999", ALICE,
                channel, "1700000000.000200", app.slack.responseUrl());
        assertThat(help.send(app.uri()).status()).isEqualTo(200);
        assertThat(click.send(app.uri()).status()).isEqualTo(200);
        // The click is answered after the ack: wait for that answer before counting.
        app.slack.awaitCall("chat.postEphemeral", c -> c.text() != null && c.text().contains("#999999"),
                Duration.ofSeconds(10));
        long callsBefore = answers();

        assertThat(help.send(app.uri()).status()).isEqualTo(409);
        assertThat(click.send(app.uri()).status()).isEqualTo(409);

        Thread.sleep(300); // as long as the first click took to be answered after its ack
        assertThat(answers()).isEqualTo(callsBefore);
        // A fresh request with the same words is a new request: served.
        assertThat(app.signed().slashCommand("/deploy", "help", ALICE, channel, app.slack.responseUrl())
                .send(app.uri()).status()).isEqualTo(200);
    }

    /** What the replayed click could make the bot say (the shared app may still deliver other tests' messages). */
    private long answers() {
        return app.slack.calls("chat.postEphemeral").stream().filter(c -> c.text() != null && c.text().contains("#999999"))
                .count();
    }

    /**
     * Replicas share a PostgreSQL database (an embedded H2 file is locked to one process, so H2 means one replica and
     * the replay check is answered from memory there): a request replayed to the other replica is refused there.
     */
    @Test
    void aRequestReplayedToAnotherReplicaIsRefusedThere() {
        try (PostgresDatabase shared = PostgresDatabase.create();
             EmbeddedServer one = ApplicationContext.run(EmbeddedServer.class,
                     TestApp.properties(app.slack, Map.<String, Object>copyOf(shared.micronautProperties())));
             EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class,
                     TestApp.properties(app.slack, Map.<String, Object>copyOf(shared.micronautProperties())))) {
            SignedRequest declare = app.signed().slashCommand("/incident", "declare Replica replay sev3", ALICE,
                    channel, app.slack.responseUrl());
            declared(declare.send(one.getURI()));

            SignedRequest.Reply replay = declare.send(other.getURI());

            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.body()).contains("already received");
        }
    }

    @Test
    void slacksOwnRetryOfAnEventIsStillAnswered200() {
        SignedRequest event = app.signed().reactionAdded(ALICE, "thumbsup", channel, "1700000000.000300");
        assertThat(event.send(app.uri()).status()).isEqualTo(200);

        SignedRequest.Reply retry = event.withHeader("X-Slack-Retry-Num", "1")
                .withHeader("X-Slack-Retry-Reason", "http_timeout").send(app.uri());

        assertThat(retry.status()).isEqualTo(200);
    }

    private static long declared(SignedRequest.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        String text = reply.json().getAsJsonObject().get("text").getAsString();
        Matcher m = DECLARED.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}
