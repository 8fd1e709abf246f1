package dev.flightdeck.build;

import dev.flightdeck.build.webhook.IgnoredWebhooks;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.flightdeck.build.CiApp.vendor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendors' own published example payloads (src/test/resources/vendor/) through the real webhook edge, with the
 * services of teamconfig/ci-backends.yml: what CircleCI, GitHub and Jenkins really send is understood, and what
 * matches nothing says so.
 */
class VendorWebhooksTest {

    final CiApp app = CiApp.shared();
    final Duration wait = Duration.ofSeconds(10);

    @Test
    void circleciSlugsSpelledGithubMatchATeamFileThatWritesGh() {
        // CircleCI's sample sends project.slug github/circleci/webhook-service; the team file writes gh/…
        var reply = app.circleci(vendor("circleci/workflow-completed.json"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("announced");
        FakeSlack.Call call = app.slack.awaitCall("chat.postMessage",
                c -> c.allText().contains("webhook-service pipeline #130"), wait);
        assertThat(call.allText()).contains("MAIN: Job gh/circleci/webhook-service pipeline #130 succeeded by Author Name."
                + " More info at: https://app.circleci.com/pipelines/github/circleci/webhook-service/130/workflows/");
        assertThat(call.channel()).isIn(app.slack.channel("deploys-dev").orElseThrow().id(), "#deploys-dev");
    }

    @Test
    void aGitlabOrGithubAppProjectIsNamedCircleciOrgIdProjectId() {
        var reply = app.circleci(vendor("circleci/workflow-completed-gitlab.json"));

        assertThat(reply.statusCode()).isEqualTo(200);
        FakeSlack.Call call = app.slack.awaitCall("chat.postMessage", 
                c -> c.allText().contains("circleci/DdaVtNusHqi24D4YT3X4eu/6EkDPZoN4ZdMKKZtBkRodt pipeline #1 "), wait);
        assertThat(call.allText()).contains("Job circleci/DdaVtNusHqi24D4YT3X4eu/6EkDPZoN4ZdMKKZtBkRodt pipeline #1 failed");
    }

    @Test
    void aDeliveryThatMatchesNothingIsIgnoredWithItsReasonCountedAndLoggedOnce() {
        String other = vendor("circleci/workflow-completed.json").replace("github/circleci/webhook-service", "github/acme/other");
        MeterRegistry registry = app.server.getApplicationContext().getBean(MeterRegistry.class);
        double before = ignoredCount(registry);
        int posts = app.slack.calls("chat.postMessage").size();

        try (LogCapture log = new LogCapture(IgnoredWebhooks.class)) {
            for (int i = 0; i < 3; i++) {
                var reply = app.circleci(other);
                assertThat(reply.statusCode()).isEqualTo(202);
                assertThat(reply.body()).isEqualTo("ignored: no service or deploy matches CircleCI project github/acme/other");
            }
            // One line for the burst, not one per delivery: a CI posting every branch here cannot flood the log.
            assertThat(log.lines()).hasSize(1);
            assertThat(log.lines().get(0)).contains("circleci", "github/acme/other");
        }
        assertThat(ignoredCount(registry) - before).isEqualTo(3.0);
        assertThat(app.slack.calls("chat.postMessage")).hasSize(posts);
    }

    @Test
    void aCircleciJobCompletedIsIgnoredBecauseWorkflowsDecide() {
        var reply = app.circleci(vendor("circleci/job-completed.json"));

        assertThat(reply.statusCode()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo("ignored: no build status change in this delivery");
    }

    @Test
    void githubsDefaultFormEncodedDeliveryIsAcceptedAndItsSignatureCheckedOverTheRawBody() {
        String form = "payload=" + URLEncoder.encode(vendor("github/workflow_run.completed.json"), StandardCharsets.UTF_8);

        var reply = app.github("application/x-www-form-urlencoded", form);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("announced");
        FakeSlack.Call call = app.slack.awaitCall("chat.postMessage", c -> c.allText().contains("test.yml run #163 succeeded"), wait);
        assertThat(call.allText()).contains("MASTER: Job test.yml run #163 succeeded by Codertocat. More info at: "
                + "https://github.com/octo-org/octo-repo/actions/runs/289782451");

        // The same JSON as JSON still works; a form signed over something else is refused and changes nothing.
        assertThat(app.github("application/json", vendor("github/workflow_run.requested.json")).statusCode()).isEqualTo(200);
        app.slack.awaitCall("chat.postMessage", c -> c.allText().contains("test.yml run #163 started"), wait);
        var forged = app.post("/hooks/github", "application/x-www-form-urlencoded", form + "&x=1", java.util.Map.of(
                "X-GitHub-Event", "workflow_run", "X-Hub-Signature-256", "sha256=" + dev.flightdeck.build.webhook
                        .WebhookSignatures.hmacHex(dev.flightdeck.testing.TestSecretsFactory.VALUES
                                .get("FLIGHTDECK_GITHUB_WEBHOOK_SECRET"), form.getBytes(StandardCharsets.UTF_8))));
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void aJenkinsBranchInAFolderIsNamedByItsFullNameFromTheBuildUrl() {
        // The Notification plugin's name is the short "main"; the URL says job/platform/job/asgard/job/main/.
        var reply = app.jenkins(vendor("jenkins/completed-multibranch.json"));

        assertThat(reply.statusCode()).isEqualTo(200);
        FakeSlack.Call call = app.slack.awaitCall("chat.postMessage", c -> c.allText().contains("platform/asgard/main"), wait);
        assertThat(call.allText()).contains("MASTER: Job platform/asgard/main build #18 succeeded. More info at: "
                + "http://localhost:8080/job/platform/job/asgard/job/main/18/");

        // The plugin's top-level example job "asgard" is no service here: ignored, and said so.
        var root = app.jenkins(vendor("jenkins/completed.json"));
        assertThat(root.statusCode()).isEqualTo(202);
        assertThat(root.body()).isEqualTo("ignored: no service or deploy matches Jenkins job asgard");
    }

    private static double ignoredCount(MeterRegistry registry) {
        Counter c = registry.find(IgnoredWebhooks.METRIC).tags("vendor", "circleci", "reason", "no-match").counter();
        return c == null ? 0 : c.count();
    }
}
