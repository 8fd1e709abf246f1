package dev.flightdeck.slack.edge;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real sockets: the early edge answers on the port first, then the service takes the same port over. Its help
 * is the service's help, a copy of a request it answered is refused by the service, and the service answers from then.
 */
class EarlyEdgeHandoverTest {

    static final String ALICE = "U0ALICE001";

    @Test
    void theServiceTakesThePortOverAndRefusesCopiesOfWhatTheEarlyEdgeAnswered() throws Exception {
        FakeSlack slack = new FakeSlack().start();
        EarlyEdge early = EarlyEdge.start(new EarlyEdgeSettings("127.0.0.1", 0, TestApp.SIGNING_SECRET, Set.of(), Set.of()),
                Clock.systemUTC());
        try {
            URI base = URI.create("http://127.0.0.1:" + early.port());
            SignedRequests signed = new SignedRequests(TestApp.SIGNING_SECRET, Clock.systemUTC()).forWorkspace(slack);
            String channel = slack.addChannel("deploys-early", ALICE);
            SignedRequest help = signed.slashCommand("/deploy", "help", ALICE, channel, slack.responseUrl());
            SignedRequest.Reply early1 = help.send(base);
            assertThat(early1.status()).isEqualTo(200);
            SignedRequest.Reply notRun = signed.slashCommand("/incident", "declare sev2 checkout is down", ALICE, channel,
                    slack.responseUrl()).send(base);
            assertThat(notRun.json().getAsJsonObject().get("text").getAsString()).contains("was not run");
            assertThat(slack.calls()).as("nothing reached Slack").isEmpty();

            Map<String, Object> properties = new HashMap<>(TestApp.properties(slack, Map.of()));
            properties.put("micronaut.server.port", early.port());
            try (ApplicationContext context = ApplicationContext.builder().properties(properties).singletons(early).start();
                 EmbeddedServer server = context.getBean(EmbeddedServer.class).start()) {
                assertThat(server.getPort()).isEqualTo(early.port());
                assertThat(help.send(base).status()).as("a copy of what the early edge answered").isEqualTo(409);
                SignedRequest.Reply service = signed.slashCommand("/deploy", "help", ALICE, channel, slack.responseUrl())
                        .send(base);
                assertThat(service.status()).isEqualTo(200);
                assertThat(service.json()).as("the same help, now from the service").isEqualTo(early1.json());
                SignedRequest.Reply declared = signed.slashCommand("/incident", "list", ALICE, channel, slack.responseUrl())
                        .send(base);
                assertThat(declared.json().getAsJsonObject().get("text").getAsString()).doesNotContain("was not run");
            }
        } finally {
            early.close();
            slack.stop();
        }
    }
}
