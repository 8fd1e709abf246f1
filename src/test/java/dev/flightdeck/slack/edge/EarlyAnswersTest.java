package dev.flightdeck.slack.edge;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.slack.HelpText;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What Slack is answered while the service starts: the same help, an honest "not run" for the rest, no side door. */
class EarlyAnswersTest {

    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final Instant NOW = Instant.parse("2026-12-08T02:40:00Z");
    static final String ALICE = "U0ALICE001";
    static final String CHANNEL = "C0DEPLOYS1";
    static final String RESPONSE_URL = "http://127.0.0.1:9/response";

    final EarlyAnswers answers = new EarlyAnswers(
            new EarlyEdgeSettings("127.0.0.1", 0, SECRET, Set.of("staging", "production"), Set.of("checkout")));
    final SignedRequests signed = new SignedRequests(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void helpIsTheServicesOwnAnswerForBothCommands() {
        EarlyAnswers.Answer deploy = post(signed.slashCommand("/deploy", "help", ALICE, CHANNEL, RESPONSE_URL));
        assertThat(deploy.status()).isEqualTo(200);
        assertThat(json(deploy).get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(json(deploy).get("text").getAsString()).isEqualTo(HelpText.deploy());

        EarlyAnswers.Answer incident = post(signed.slashCommand("/incident", "HELP", ALICE, CHANNEL, RESPONSE_URL));
        assertThat(json(incident).get("text").getAsString()).isEqualTo(HelpText.incident());
    }

    @Test
    void anyOtherCommandIsToldItWasNotRunWithWhatWasTypedEscaped() {
        EarlyAnswers.Answer answer = post(signed.slashCommand("/deploy", "checkout 1.2 to production <!channel> `x` &lt;script&gt;",
                ALICE, CHANNEL, RESPONSE_URL));
        assertThat(answer.status()).isEqualTo(200);
        String text = json(answer).get("text").getAsString();
        assertThat(text).contains("still starting", "was not run and nothing changed", "Send it again")
                .contains("`/deploy checkout 1.2 to production")
                .doesNotContain("<!channel>", "<script>", "`x`");
        assertThat(json(answer).get("response_type").getAsString()).isEqualTo("ephemeral");
    }

    @Test
    void aDeclareIsNotRunEarly() {
        EarlyAnswers.Answer answer = post(signed.slashCommand("/incident", "declare sev2 checkout is down", ALICE, CHANNEL,
                RESPONSE_URL));
        assertThat(json(answer).get("text").getAsString()).contains("`/incident declare sev2 checkout is down` was not run");
    }

    @Test
    void aBadOrOldSignatureIsRefusedAsTheServiceRefusesIt() {
        SignedRequest help = signed.slashCommand("/deploy", "help", ALICE, CHANNEL, RESPONSE_URL);
        assertThat(post(help.tampered()).status()).isEqualTo(401);
        assertThat(post(signed.signedWith("another-secret-another-secret-00").slashCommand("/deploy", "help", ALICE, CHANNEL,
                RESPONSE_URL)).status()).isEqualTo(401);
        assertThat(post(signed.skewedBy(Duration.ofMinutes(-6)).slashCommand("/deploy", "help", ALICE, CHANNEL,
                RESPONSE_URL)).status()).isEqualTo(401);
        assertThat(post(help.withoutSignature()).status()).isEqualTo(401);
        assertThat(answers.seen()).as("nothing refused is remembered").isEmpty();
    }

    @Test
    void aCopyIsRefusedAndEverySignedFormIsRememberedForTheService() {
        SignedRequest help = signed.slashCommand("/deploy", "help", ALICE, CHANNEL, RESPONSE_URL);
        SignedRequest request = signed.slashCommand("/deploy", "checkout 1.2 to production", ALICE, CHANNEL, RESPONSE_URL);
        assertThat(post(help).status()).isEqualTo(200);
        assertThat(post(request).status()).isEqualTo(200);
        EarlyAnswers.Answer copy = post(help);
        assertThat(copy.status()).isEqualTo(409);
        assertThat(copy.json()).contains("already received");
        assertThat(answers.seen()).extracting(EarlyAnswers.Seen::signature)
                .containsExactlyInAnyOrder(help.headers().get(SignedRequest.SIGNATURE), request.headers().get(SignedRequest.SIGNATURE));
        assertThat(answers.seen()).extracting(EarlyAnswers.Seen::timestamp).containsOnly(NOW.getEpochSecond());
    }

    @Test
    void clicksAndEventsAreAskedToComeBack() {
        EarlyAnswers.Answer click = post(signed.blockAction("deploy_go", "deploy_decision:1", "1", ALICE, CHANNEL,
                "1700000000.000100", RESPONSE_URL));
        assertThat(click.status()).isEqualTo(503);
        assertThat(click.headers()).containsEntry("Retry-After", "5");
        assertThat(click.json()).contains("starting");
        assertThat(post(signed.urlVerification("challenge-1")).status()).isEqualTo(503);
        assertThat(post(signed.reactionAdded(ALICE, "eyes", CHANNEL, "1700000000.000100")).status()).isEqualTo(503);
    }

    @Test
    void livenessIsUpAndEverythingElseWaits() {
        assertThat(answers.answer("GET", "/health/liveness", h -> null, new byte[0], NOW).status()).isEqualTo(200);
        EarlyAnswers.Answer readiness = answers.answer("GET", "/health/readiness", h -> null, new byte[0], NOW);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json()).contains("DOWN");
        assertThat(answers.answer("GET", "/health", h -> null, new byte[0], NOW).status()).isEqualTo(503);
        assertThat(answers.answer("GET", "/deploys", h -> null, new byte[0], NOW).status()).isEqualTo(503);
        assertThat(answers.answer("GET", "/slack/events", h -> null, new byte[0], NOW).status()).isEqualTo(503);
    }

    @Test
    void aFormWithTooManyFieldsIsRefusedBeforeItIsDecoded() {
        String body = "command=%2Fdeploy&text=help" + "&a=1".repeat(SlashCommandForm.MAX_FIELDS);
        EarlyAnswers.Answer answer = post(signed.sign(body, "application/x-www-form-urlencoded"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answers.seen()).isEmpty();
    }

    private EarlyAnswers.Answer post(SignedRequest request) {
        Map<String, String> headers = request.headers();
        return answers.answer("POST", "/slack/events", name -> headers.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null),
                request.body().getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static JsonObject json(EarlyAnswers.Answer answer) {
        return JsonParser.parseString(answer.json()).getAsJsonObject();
    }
}
