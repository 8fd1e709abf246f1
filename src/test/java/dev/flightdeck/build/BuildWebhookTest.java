package dev.flightdeck.build;

import dev.flightdeck.build.webhook.WebhookSignatures;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks through the real HTTP edge: verified by each backend's scheme, announced in the team's convention. */
class BuildWebhookTest {

    final TestApp app = TestApp.shared();
    final HttpClient http = HttpClient.newHttpClient();
    String prodChannel;
    String devChannel;

    @BeforeEach
    void channels() {
        prodChannel = app.slack.channel("deploys").map(c -> c.id()).orElseGet(() -> app.slack.addChannel("deploys"));
        devChannel = app.slack.channel("deploys-dev").map(c -> c.id()).orElseGet(() -> app.slack.addChannel("deploys-dev"));
    }

    static String jenkins(String phase, String status, int number) {
        return """
                {"name":"commons-prod-server","url":"job/commons-prod-server/","build":{"full_url":"https://jenkins.example.com/job/commons-prod-server/%d/",
                 "number":%d,"queue_id":731,"phase":"%s","status":"%s","url":"job/commons-prod-server/%d/",
                 "scm":{"branch":"origin/main"},"parameters":{"VERSION":"5.11.2"}}}""".formatted(number, number, phase, status, number);
    }

    @Test
    void aBuildFlightdeckDidNotStartIsAnnouncedOnceInItsEnvironmentsChannelInTheTeamsConvention() throws Exception {
        String token = TestSecretsFactory.VALUES.get("FLIGHTDECK_JENKINS_WEBHOOK_TOKEN");
        int before = app.slack.calls("chat.postMessage").size();

        assertThat(post("/hooks/jenkins?token=" + token, jenkins("COMPLETED", "FAILURE", 9196), Map.of()).statusCode()).isEqualTo(200);
        var call = app.slack.awaitCall("chat.postMessage", c -> c.allText().contains("build #9196"), Duration.ofSeconds(5));
        assertThat(call.channel()).isIn(prodChannel, "#deploys");
        assertThat(call.allText()).contains("PROD: Job commons-prod-server build #9196 failed. More info at: "
                + "https://jenkins.example.com/job/commons-prod-server/9196/");
        assertThat(call.param("attachments")).contains("#E01E5A");

        // Jenkins sends FINALIZED after COMPLETED: the same news is not announced twice.
        assertThat(post("/hooks/jenkins?token=" + token, jenkins("FINALIZED", "FAILURE", 9196), Map.of()).statusCode()).isEqualTo(200);
        assertThat(app.slack.calls("chat.postMessage").stream().filter(c -> c.allText().contains("build #9196"))).hasSize(1);
        assertThat(app.slack.calls("chat.postMessage").size()).isEqualTo(before + 1);
    }

    @Test
    void unverifiedDeliveriesAre401AndChangeNothing() throws Exception {
        int before = app.slack.calls().size();
        assertThat(post("/hooks/jenkins?token=guess", jenkins("STARTED", "", 9197), Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/jenkins", jenkins("STARTED", "", 9197), Map.of()).statusCode()).isEqualTo(401);
        String body = github("completed", "failure", 812);
        assertThat(post("/hooks/github", body, Map.of("X-GitHub-Event", "workflow_run",
                "X-Hub-Signature-256", "sha256=" + WebhookSignatures.hmacHex("wrong-secret", bytes(body)))).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/circleci", circleci("failed", 318), Map.of("circleci-signature", "v1=00")).statusCode()).isEqualTo(401);
        Thread.sleep(200); // nothing is pending: give a wrongly started announcement the chance to show up
        assertThat(app.slack.calls()).hasSize(before);
    }

    @Test
    void aFailingMainOnGithubIsAnnouncedWithItsBranchAndActor() throws Exception {
        String body = github("completed", "failure", 812);
        var reply = post("/hooks/github", body, Map.of("X-GitHub-Event", "workflow_run",
                "X-Hub-Signature-256", "sha256=" + WebhookSignatures.hmacHex(TestSecretsFactory.VALUES.get("FLIGHTDECK_GITHUB_WEBHOOK_SECRET"), bytes(body))));
        assertThat(reply.statusCode()).isEqualTo(200);
        var call = app.slack.awaitCall("chat.postMessage", c -> c.allText().contains("run #812"), Duration.ofSeconds(5));
        assertThat(call.allText()).contains("MAIN: Job deploy.yml run #812 failed by octocat. More info at: https://github.com/acme/web/actions/runs/30433642");
        assertThat(call.channel()).isIn(devChannel, "#deploys-dev");
    }

    @Test
    void circleciSignaturesAreChecked() throws Exception {
        String body = circleci("success", 4318);
        String signature = "v1=" + WebhookSignatures.hmacHex(TestSecretsFactory.VALUES.get("FLIGHTDECK_CIRCLECI_WEBHOOK_SECRET"), bytes(body));
        assertThat(post("/hooks/circleci", body, Map.of("circleci-signature", signature)).statusCode()).isEqualTo(200);
        var call = app.slack.awaitCall("chat.postMessage", c -> c.allText().contains("pipeline #4318"), Duration.ofSeconds(5));
        assertThat(call.allText()).contains("Job gh/acme/billing pipeline #4318 succeeded");
        assertThat(call.param("attachments")).contains("#2EB67D");
    }

    static String github(String action, String conclusion, int run) {
        return """
                {"action":"%s","workflow_run":{"id":30433642,"name":"Deploy","run_number":%d,"display_title":"Fix login",
                 "html_url":"https://github.com/acme/web/actions/runs/30433642","status":"completed","conclusion":"%s",
                 "head_branch":"main","path":".github/workflows/deploy.yml","actor":{"login":"octocat"},
                 "triggering_actor":{"login":"octocat"}},"repository":{"full_name":"acme/web"}}""".formatted(action, run, conclusion);
    }

    static String circleci(String status, int number) {
        return """
                {"type":"workflow-completed","id":"3888f21b-eaa7-38e3-8f3d-75a63bba8895","happened_at":"2026-11-24T10:00:00Z",
                 "workflow":{"id":"fda08377","name":"deploy","status":"%s","url":"https://app.circleci.com/pipelines/gh/acme/billing/%d/workflows/fda08377"},
                 "pipeline":{"id":"1285fe1d","number":%d,"vcs":{"branch":"main","commit":{"author":{"name":"Michael"}}}},
                 "project":{"id":"84996744","name":"billing","slug":"gh/acme/billing"}}""".formatted(status, number, number);
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.uri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
