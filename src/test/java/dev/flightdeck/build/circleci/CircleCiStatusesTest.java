package dev.flightdeck.build.circleci;

import dev.flightdeck.deploy.BuildPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workflow status CircleCI documents (API v2 "Get a workflow": success, running, not_run, failed, error,
 * failing, on_hold, canceled, unauthorized; the webhook's {@code workflow.status} uses the same words), and the phase
 * each is read as, by the webhook and the poll alike.
 */
class CircleCiStatusesTest {

    @ParameterizedTest(name = "{0} is {1}, stopped or not")
    @CsvSource({
            "success,      SUCCEEDED",
            "failed,       FAILED",
            "error,        FAILED",
            "failing,      FAILED",
            "unauthorized, FAILED",
            "canceled,     ABORTED",
            "not_run,      ABORTED",
            "running,      ",
            "on_hold,      ",
    })
    void documentedStatusesMeanTheSameWhoeverAsks(String status, BuildPhase phase) {
        assertThat(CircleCiStatuses.workflow(status, false)).isEqualTo(Optional.ofNullable(phase));
        assertThat(CircleCiStatuses.workflow(status, true)).isEqualTo(Optional.ofNullable(phase));
    }

    @Test
    void aStatusWeDoNotKnowWaitsUntilCircleciSaysTheWorkflowStoppedThenItHasNotSucceeded() {
        assertThat(CircleCiStatuses.workflow("something_new", false)).isEmpty();
        assertThat(CircleCiStatuses.workflow("something_new", true)).contains(BuildPhase.FAILED);
        assertThat(CircleCiStatuses.workflow(null, true)).contains(BuildPhase.FAILED);
    }

    @Test
    void aPipelineIsDecidedWhenEveryWorkflowIsAndThenByItsWorst() {
        Optional<BuildPhase> ok = Optional.of(BuildPhase.SUCCEEDED);
        Optional<BuildPhase> aborted = Optional.of(BuildPhase.ABORTED);
        Optional<BuildPhase> failed = Optional.of(BuildPhase.FAILED);
        assertThat(CircleCiStatuses.pipeline(List.of())).isEmpty();
        assertThat(CircleCiStatuses.pipeline(List.of(ok, Optional.empty()))).isEmpty();
        assertThat(CircleCiStatuses.pipeline(List.of(failed, Optional.empty()))).isEmpty();
        assertThat(CircleCiStatuses.pipeline(List.of(ok, ok))).contains(BuildPhase.SUCCEEDED);
        assertThat(CircleCiStatuses.pipeline(List.of(ok, aborted))).contains(BuildPhase.ABORTED);
        assertThat(CircleCiStatuses.pipeline(List.of(aborted, failed, ok))).contains(BuildPhase.FAILED);
    }
}
