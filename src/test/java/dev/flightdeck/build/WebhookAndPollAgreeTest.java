package dev.flightdeck.build;

import dev.flightdeck.build.FakeBuildServer.Answer;
import dev.flightdeck.build.poll.BuildStatusReaders;
import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flightdeck.build.CiApp.vendor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values the webhook and the poll once read differently (CircleCI's {@code failing}, which only the poll knew;
 * GitHub conclusions the webhook ignored while the poll called them failed), each sent through the real webhook edge
 * (a vendor's published example with its status changed) and read by the poll from the vendor's API: both now say
 * the same. The webhook's answer is the word in the announcement it posts.
 */
class WebhookAndPollAgreeTest {

    private static final AtomicInteger NUMBER = new AtomicInteger(7100);

    final CiApp app = CiApp.shared();
    final FakeBuildServer api = new FakeBuildServer();
    final BuildStatusReaders poll = new BuildStatusReaders(new BuildHttp(Duration.ofSeconds(5), Duration.ZERO),
            new MapSecrets(Map.of("GITHUB_TOKEN", "ghp_x", "CIRCLE_TOKEN", "cc_x")), null, api.url(), api.url());

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest(name = "CircleCI workflow {0}")
    @CsvSource({"failing, FAILED", "not_run, ABORTED", "something_new, FAILED"})
    void circleciWorkflowStatuses(String status, BuildPhase phase) throws Exception {
        int number = NUMBER.incrementAndGet();
        String delivery = vendor("circleci/workflow-completed.json")
                .replace("\"status\": \"success\"", "\"status\": \"" + status + "\"")
                .replace("\"number\": 130,", "\"number\": " + number + ",");

        assertThat(app.circleci(delivery).body()).isEqualTo("announced");
        assertThat(announced("gh/circleci/webhook-service pipeline #" + number)).isEqualTo(phase.word());

        api.on("GET /project/gh/acme/billing/pipeline/" + number, r -> Answer.of(200, "{\"id\":\"p-" + number + "\"}"));
        api.on("GET /pipeline/p-" + number + "/workflow", r -> Answer.of(200,
                "{\"items\":[{\"status\":\"" + status + "\",\"stopped_at\":\"2026-11-24T10:05:00Z\"}]}"));
        var polled = poll.read(BuildStatusReadersTest.running(number, "gh/acme/billing pipeline #" + number,
                "https://app.circleci.com/pipelines/gh/acme/billing/" + number),
                new BuildBackendConfig.CircleCi("gh/acme/billing", "CIRCLE_TOKEN"));
        assertThat(polled).map(BuildEvent::phase).contains(phase);
    }

    @ParameterizedTest(name = "GitHub conclusion {0}")
    @CsvSource({"skipped, ABORTED", "neutral, FAILED", "stale, FAILED", "something_new, FAILED"})
    void githubConclusions(String conclusion, BuildPhase phase) throws Exception {
        int number = NUMBER.incrementAndGet();
        String delivery = vendor("github/workflow_run.completed.json")
                .replace("\"conclusion\": \"success\"", "\"conclusion\": \"" + conclusion + "\"")
                .replace("\"run_number\": 163,", "\"run_number\": " + number + ",");

        assertThat(app.github("application/json", delivery).body()).isEqualTo("announced");
        assertThat(announced("test.yml run #" + number)).isEqualTo(phase.word());

        api.on("GET /repos/acme/web/actions/runs/" + number, r -> Answer.of(200,
                "{\"status\":\"completed\",\"conclusion\":\"" + conclusion + "\",\"run_number\":" + number + "}"));
        var polled = poll.read(BuildStatusReadersTest.running(number, "deploy.yml run #" + number,
                "https://github.com/acme/web/actions/runs/" + number),
                new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main", "GITHUB_TOKEN"));
        assertThat(polled).map(BuildEvent::phase).contains(phase);
    }

    /** The status word of the announcement posted for {@code label}: "Job <label> <word> by …". */
    private String announced(String label) {
        FakeSlack.Call call = app.slack.awaitCall("chat.postMessage",
                c -> c.allText().contains("Job " + label + " "), Duration.ofSeconds(10));
        String text = call.allText();
        String after = text.substring(text.indexOf("Job " + label + " ") + ("Job " + label + " ").length());
        return after.split("[ .]")[0];
    }
}
