package dev.flightdeck.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.api.ChannelJoins;

/**
 * A workspace where nobody invited the bot anywhere (the example team file's channels): it joins the public ones at
 * start-up and again when kicked out, and says where a person must invite it (private channels).
 */
class ChannelJoinTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ALICE = "U0ALICE777";
    static final FakeSlack slack = new FakeSlack().start();
    static String deploysDev;
    static String incidents;
    static String commands;
    static EmbeddedServer server;
    static List<String> warnings;

    @BeforeAll
    static void start() {
        slack.addUser(ALICE, "alice");
        deploysDev = slack.addChannelWithoutBot("deploys-dev", ALICE);
        incidents = slack.addChannelWithoutBot("incidents", ALICE);
        slack.addPrivateChannel("deploys", ALICE); // staging and prod's channel: private, and the bot not in it
        slack.removeMember(slack.channel("deploys").orElseThrow().id(), slack.botUserId());
        commands = slack.addChannel("channel-join-commands", ALICE);
        try (LogCapture log = new LogCapture(ChannelJoins.class)) {
            server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of()));
            await(() -> member(deploysDev) && member(incidents) && log.lines().stream().anyMatch(l -> l.contains("#status")));
            warnings = log.events().stream().filter(e -> e.getLevel().toString().equals("WARN"))
                    .map(e -> e.getFormattedMessage()).toList();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.stop();
    }

    @Test
    void atStartUpTheBotJoinsTheTeamFilesPublicChannelsAndSaysOnceWhereItMustBeInvited() {
        assertThat(member(deploysDev)).isTrue();
        assertThat(member(incidents)).isTrue();
        assertThat(slack.successfulCalls("conversations.join")).extracting(FakeSlack.Call::channel)
                .contains(deploysDev, incidents);
        // #deploys is private and #status does not exist (or is private): a person must act, told once each.
        assertThat(warnings).filteredOn(w -> w.contains("/invite @flightdeck in #deploys")).hasSize(1);
        assertThat(warnings).filteredOn(w -> w.contains("/invite @flightdeck in #status")).hasSize(1);

        JsonObject details = health().getAsJsonObject("details").getAsJsonObject("slack").getAsJsonObject("details");
        assertThat(details.getAsJsonObject("mustInvite").keySet()).containsExactly("#deploys", "#status");
        assertThat(details.getAsJsonObject("mustInvite").get("#deploys").getAsString())
                .contains("/invite @flightdeck in #deploys");
    }

    @Test
    void aBotKickedOutOfAChannelJoinsAgainAndPostsTheGoNoGo() {
        slack.removeMember(deploysDev, slack.botUserId());
        String url = slack.responseUrl();
        assertThat(signed().slashCommand("/deploy", "commons 7.1.0-join to dev", ALICE, commands, url)
                .send(server.getURI()).status()).isEqualTo(200);

        FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> c.ok() && c.allText().contains("7.1.0-join"), WAIT);
        assertThat(post.response().get("channel").getAsString()).isEqualTo(deploysDev);
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> "not_in_channel".equals(c.error())).isNotEmpty();
        assertThat(member(deploysDev)).isTrue();
        assertThat(slack.messagesIn(deploysDev)).anyMatch(m -> m.allText().contains("7.1.0-join"));
    }

    @Test
    void aRequestForAPrivateChannelTheBotIsNotInTellsTheRequesterToInviteIt() {
        String url = slack.responseUrl();
        assertThat(signed().slashCommand("/deploy", "commons 7.2.0-private to staging", ALICE, commands, url)
                .send(server.getURI()).status()).isEqualTo(200);

        assertThat(slack.awaitResponse(url, WAIT).rawBody()).contains("/invite @flightdeck in #deploys", "was cancelled");
        assertThat(slack.messagesIn(slack.channel("deploys").orElseThrow().id())).isEmpty();
    }

    private static SignedRequests signed() {
        return new SignedRequests(TestApp.SIGNING_SECRET, server.getApplicationContext().getBean(MutableClock.class))
                .forWorkspace(slack);
    }

    private static boolean member(String channel) {
        return slack.channel(channel).orElseThrow().members().contains(slack.botUserId());
    }

    private static JsonObject health() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.getURI() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            return JsonParser.parseString(r.body()).getAsJsonObject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
