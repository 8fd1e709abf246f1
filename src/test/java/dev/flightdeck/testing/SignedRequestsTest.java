package dev.flightdeck.testing;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.util.json.GsonFactory;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks SignedRequests against the Slack SDK's own verifier and payload parsers. */
class SignedRequestsTest {
    static final String SECRET = "test-signing-secret";
    final MutableClock clock = MutableClock.at(Instant.parse("2025-11-24T10:00:00Z"));
    final SignedRequests signed = new SignedRequests(SECRET, clock);
    final SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));

    private boolean valid(SignedRequest r) {
        return verifier.isValid(r.headers().get(SignedRequest.TIMESTAMP), r.body(),
                r.headers().get(SignedRequest.SIGNATURE), clock.millis());
    }

    @Test
    void slashCommandIsSignedAndParsesAsSlackSendsIt() {
        SignedRequest r = signed.slashCommand("/deploy", "commons 1.4.2 to <#C0PROD0001|prod>", "U0ALICE0001", "C0DEPLOYS01", "http://x/response/r1");

        assertThat(valid(r)).isTrue();
        assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
        SlashCommandPayload p = new SlashCommandPayloadParser().parse(r.body());
        assertThat(p.getCommand()).isEqualTo("/deploy");
        assertThat(p.getText()).isEqualTo("commons 1.4.2 to <#C0PROD0001|prod>");
        assertThat(p.getUserId()).isEqualTo("U0ALICE0001");
        assertThat(p.getResponseUrl()).isEqualTo("http://x/response/r1");
        assertThat(p.getTriggerId()).isNotBlank();
        assertThat(p.getTeamId()).isEqualTo(signed.workspace().teamId());
    }

    @Test
    void wrongSecretStaleFutureAndTamperedRequestsFailVerification() {
        assertThat(valid(signed.signedWith("forged").urlVerification("c"))).isFalse();
        assertThat(valid(signed.skewedBy(Duration.ofMinutes(-6)).urlVerification("c"))).isFalse();
        // The SDK's stock verifier accepts future timestamps (a request from the future is a replay risk and must be refused), so check the header itself.
        SignedRequest future = signed.skewedBy(Duration.ofMinutes(6)).urlVerification("c");
        assertThat(Long.parseLong(future.headers().get(SignedRequest.TIMESTAMP))).isEqualTo(clock.instant().getEpochSecond() + 360);
        assertThat(SignedRequests.signature(SECRET, future.headers().get(SignedRequest.TIMESTAMP), future.body()))
                .isEqualTo(future.headers().get(SignedRequest.SIGNATURE));
        assertThat(valid(signed.slashCommand("/deploy", "help", "U1", "C1", "u").tampered())).isFalse();
        assertThat(valid(signed.event("reaction_added", Map.of("reaction", "pushpin")).tampered())).isFalse();
        assertThat(signed.urlVerification("c").withoutSignature().headers()).doesNotContainKey(SignedRequest.SIGNATURE);
    }

    @Test
    void timestampsFollowTheGivenClock() {
        clock.advance(Duration.ofHours(1));
        assertThat(signed.urlVerification("c").headers().get(SignedRequest.TIMESTAMP))
                .isEqualTo(Long.toString(Instant.parse("2025-11-24T11:00:00Z").getEpochSecond()));
    }

    @Test
    void blockActionAndViewSubmissionPayloadsParseWithTheSdk() {
        SignedRequest click = signed.blockAction("deploy_approve", "deploy_actions", "42", "U0BOB000001", "C0DEPLOYS01", "1763942400.000100", "http://x/r");
        assertThat(valid(click)).isTrue();
        BlockActionPayload action = GsonFactory.createSnakeCase().fromJson(payloadJson(click), BlockActionPayload.class);
        assertThat(action.getType()).isEqualTo("block_actions");
        assertThat(action.getActions().get(0).getActionId()).isEqualTo("deploy_approve");
        assertThat(action.getActions().get(0).getValue()).isEqualTo("42");
        assertThat(action.getUser().getId()).isEqualTo("U0BOB000001");
        assertThat(action.getContainer().getMessageTs()).isEqualTo("1763942400.000100");
        assertThat(action.getResponseUrl()).isEqualTo("http://x/r");

        SignedRequest submit = signed.viewSubmission("incident_open", "{\"sev\":1}", Map.of("title", Map.of("title_input", "DB down")), "U0BOB000001");
        ViewSubmissionPayload view = GsonFactory.createSnakeCase().fromJson(payloadJson(submit), ViewSubmissionPayload.class);
        assertThat(view.getView().getCallbackId()).isEqualTo("incident_open");
        assertThat(view.getView().getPrivateMetadata()).isEqualTo("{\"sev\":1}");
        assertThat(view.getView().getState().getValues().get("title").get("title_input").getValue()).isEqualTo("DB down");
    }

    @Test
    void sendPostsTheSignedBytesToSlackEvents() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slack/events", ex -> {
            seen.set(ex.getRequestURI().getPath() + "|" + ex.getRequestHeaders().getFirst("X-Slack-Signature") + "|"
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = "{\"challenge\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        try {
            SignedRequest r = signed.urlVerification("abc");
            SignedRequest.Reply reply = r.send(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().getAsJsonObject().get("challenge").getAsString()).isEqualTo("abc");
            assertThat(seen.get()).isEqualTo("/slack/events|" + r.headers().get(SignedRequest.SIGNATURE) + "|" + r.body());
        } finally {
            server.stop(0);
        }
    }

    private static String payloadJson(SignedRequest r) {
        return URLDecoder.decode(r.body().substring("payload=".length()), StandardCharsets.UTF_8);
    }
}
