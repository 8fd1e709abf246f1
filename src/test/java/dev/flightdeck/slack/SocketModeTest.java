package dev.flightdeck.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.FakeSocketModeServer;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** With SLACK_APP_TOKEN set, the same Bolt App answers over Socket Mode: no inbound URL, no signing secret. */
class SocketModeTest {

    static FakeSlack slack;
    static FakeSocketModeServer socket;
    static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack().start();
        socket = new FakeSocketModeServer();
        slack.socketModeUrl(socket.url());
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "slack.app-token", FakeSlack.APP_TOKEN,
                "slack.signing-secret", "")));
        socket.awaitConnected(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        server.close();
        socket.close();
        slack.stop();
    }

    @Test
    void aSlashCommandOverTheSocketIsAckedWithItsAnswer() throws Exception {
        assertThat(slack.calls("apps.connections.open")).isNotEmpty();
        String payload = """
                {"token":"legacy","team_id":"%s","team_domain":"%s","channel_id":"C0SOCKET01","channel_name":"deploys",
                 "user_id":"U0ALICE001","user_name":"alice","command":"/deploy","text":"help",
                 "api_app_id":"%s","is_enterprise_install":"false","response_url":"%s","trigger_id":"1.2.abc"}
                """.formatted(slack.teamId(), slack.teamDomain(), slack.appId(), slack.responseUrl());

        String ack = socket.push("slash_commands", payload).get(10, TimeUnit.SECONDS);

        JsonObject answer = JsonParser.parseString(ack).getAsJsonObject().getAsJsonObject("payload");
        assertThat(answer.get("text").getAsString()).contains("/deploy config diff", "/deploy rollback");
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
    }

    @Test
    void theHttpEdgeIsClosedWithoutASigningSecret() {
        var reply = new dev.flightdeck.testing.SignedRequests(TestApp.SIGNING_SECRET).forWorkspace(slack)
                .slashCommand("/deploy", "help", "U0ALICE001", "C0SOCKET01", slack.responseUrl())
                .send(server.getURI());
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).contains("SLACK_SIGNING_SECRET");
    }
}
