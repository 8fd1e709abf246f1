package dev.flightdeck.build.github;

import dev.flightdeck.deploy.BuildPhase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value GitHub documents for a workflow run, and the phase each is read as, by the webhook and the poll alike
 * (REST API "Workflow runs": status requested, queued, pending, waiting, in_progress, completed; conclusion
 * action_required, cancelled, failure, neutral, skipped, stale, success, timed_out, startup_failure; the
 * {@code workflow_run} webhook's actions requested, in_progress, completed).
 */
class GithubStatusesTest {

    @ParameterizedTest(name = "conclusion {0} is {1}")
    @CsvSource({
            "success,         SUCCEEDED",
            "failure,         FAILED",
            "cancelled,       ABORTED",
            "skipped,         ABORTED",
            "timed_out,       FAILED",
            "action_required, FAILED",
            "startup_failure, FAILED",
            "neutral,         FAILED",
            "stale,           FAILED",
            // A conclusion GitHub adds later, or none, on a completed run: it ended in a way we don't know.
            "something_new,   FAILED",
            "'',              FAILED",
    })
    void aCompletedRunsConclusionIsReadTheSameByWebhookAndPoll(String conclusion, BuildPhase phase) {
        assertThat(GithubStatuses.conclusion(conclusion)).isEqualTo(phase);
        assertThat(GithubStatuses.action("completed", conclusion)).contains(phase);
        assertThat(GithubStatuses.run("completed", conclusion)).contains(phase);
    }

    @ParameterizedTest(name = "status {0} is still going")
    @CsvSource({"requested", "queued", "pending", "waiting", "in_progress", "something_new"})
    void aPolledRunThatIsNotCompletedDecidesNothing(String status) {
        assertThat(GithubStatuses.run(status, null)).isEmpty();
    }

    @ParameterizedTest(name = "action {0} is {1}")
    @CsvSource({
            "requested,   STARTED",
            "in_progress, ",
            "completed,   SUCCEEDED",
            "unknown,     ",
    })
    void webhookActionsOfASuccessfulRun(String action, BuildPhase phase) {
        assertThat(GithubStatuses.action(action, "success")).isEqualTo(Optional.ofNullable(phase));
    }
}
