package dev.flightdeck.build.codebuild;

import dev.flightdeck.deploy.BuildPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.codebuild.model.StatusType;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every build status CodeBuild documents (API reference, {@code Build.buildStatus}: SUCCEEDED, FAILED, FAULT,
 * TIMED_OUT, IN_PROGRESS, STOPPED), and the phase each is read as, by the poll and by CodeBuild's own events.
 */
class CodeBuildStatusesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "SUCCEEDED,   SUCCEEDED",
            "FAILED,      FAILED",
            "FAULT,       FAILED",
            "TIMED_OUT,   FAILED",
            "STOPPED,     ABORTED",
            "IN_PROGRESS, ",
    })
    void documentedStatuses(String status, BuildPhase phase) {
        assertThat(CodeBuildStatuses.build(status, !"IN_PROGRESS".equals(status))).isEqualTo(Optional.ofNullable(phase));
    }

    @ParameterizedTest(name = "an event saying {0} is {1}")
    @CsvSource({
            "SUCCEEDED,   SUCCEEDED",
            "FAILED,      FAILED",
            "FAULT,       FAILED",
            "TIMED_OUT,   FAILED",
            "STOPPED,     ABORTED",
            "IN_PROGRESS, STARTED",
    })
    void anEventReadsTheSameTableAndARunningBuildHasStarted(String status, BuildPhase phase) {
        assertThat(CodeBuildStatuses.phase(status, !"IN_PROGRESS".equals(status))).contains(phase);
        assertThat(CodeBuildStatuses.phase("SOMETHING_NEW", false)).isEmpty();
    }

    @Test
    void theTableKnowsEveryStatusTheSdkKnows() {
        for (StatusType status : StatusType.knownValues()) {
            boolean running = status == StatusType.IN_PROGRESS;
            // Read without the completion flag: only a value the table lists decides anything then.
            assertThat(CodeBuildStatuses.build(status.toString(), false)).as(status.toString())
                    .matches(phase -> running ? phase.isEmpty() : phase.isPresent());
        }
    }

    @Test
    void aStatusWeDoNotKnowWaitsUntilTheBuildIsCompleteThenItHasNotSucceeded() {
        assertThat(CodeBuildStatuses.build(StatusType.UNKNOWN_TO_SDK_VERSION.toString(), false)).isEmpty();
        assertThat(CodeBuildStatuses.build("SOMETHING_NEW", true)).contains(BuildPhase.FAILED);
    }
}
