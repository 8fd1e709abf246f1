package dev.flightdeck.build.jenkins;

import dev.flightdeck.deploy.BuildPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value Jenkins documents, and the phase each is read as, by the webhook and the poll alike. Results:
 * {@code hudson.model.Result} (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED), which both the Notification plugin's
 * {@code build.status} and the build's {@code /api/json} {@code result} carry. Phases: the Notification plugin's
 * {@code build.phase} (QUEUED, STARTED, COMPLETED, FINALIZED; https://plugins.jenkins.io/notification/).
 */
class JenkinsStatusesTest {

    @ParameterizedTest(name = "result {0} is {1}")
    @CsvSource({
            "SUCCESS,       SUCCEEDED",
            "UNSTABLE,      FAILED",
            "FAILURE,       FAILED",
            "NOT_BUILT,     ABORTED",
            "ABORTED,       ABORTED",
            // Not Jenkins' spelling, but the plugin's fields have been seen in any case.
            "success,       SUCCEEDED",
            // A result Jenkins adds later, on a build that is over: not a success.
            "SOMETHING_NEW, FAILED",
    })
    void aFinishedBuildsResultIsReadTheSameByWebhookAndPoll(String result, BuildPhase phase) {
        assertThat(JenkinsStatuses.result(result)).isEqualTo(phase);
        assertThat(JenkinsStatuses.notification("COMPLETED", result)).contains(phase);
        assertThat(JenkinsStatuses.notification("FINALIZED", result)).contains(phase);
        assertThat(JenkinsStatuses.build(false, result)).contains(phase);
    }

    @ParameterizedTest(name = "phase {0} is {1}")
    @CsvSource({
            "QUEUED,    ",
            "STARTED,   STARTED",
            "COMPLETED, FAILED",
            "FINALIZED, FAILED",
            "DELETED,   ",
    })
    void notificationPhasesWithAFailureResult(String notificationPhase, BuildPhase phase) {
        assertThat(JenkinsStatuses.notification(notificationPhase, "FAILURE")).isEqualTo(Optional.ofNullable(phase));
    }

    @Test
    void aBuildStillBuildingDecidesNothingAndOneWithoutAResultHasNotSucceeded() {
        assertThat(JenkinsStatuses.build(true, null)).isEmpty();
        assertThat(JenkinsStatuses.build(true, "SUCCESS")).isEmpty();
        assertThat(JenkinsStatuses.build(false, null)).contains(BuildPhase.FAILED);
        assertThat(JenkinsStatuses.notification(null, null)).isEmpty();
    }
}
