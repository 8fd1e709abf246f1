package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.FakeReleaseProbe;
import dev.flightdeck.deploy.PostReleaseChecks;
import dev.flightdeck.deploy.ReleaseProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;

/** After a success the service is watched for the environment's post-release-check (5m in prod); the result is in the thread. */
class PostReleaseCheckTest {

    final DeployDriver d = DeployDriver.shared();
    final PostReleaseChecks checks = d.context().getBean(PostReleaseChecks.class);
    final FakeReleaseProbe probe = d.context().getBean(FakeReleaseProbe.class);

    @BeforeEach
    void insideTheWindow() {
        d.moveToWindow(true);
        checks.runDue(); // finish anything an earlier test left due
    }

    @AfterEach
    void cleanUp() {
        probe.clear();
        d.finishInFlight();
    }

    private DeployDriver.Posted succeeded(String service) {
        var p = d.request(service, DeployDriver.newVersion(), "prod", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitState(p.id(), DeployState.RUNNING);
        d.context().getBean(DeployService.class).buildStatus(p.id(), DeployEvent.BUILD_SUCCEEDED, null, null);
        return p;
    }

    @Test
    void aHealthyReleaseIsReportedOnceTheWatchEnds() {
        var p = succeeded("commons");
        assertThat(checks.runDue()).isGreaterThanOrEqualTo(1);
        d.clock.advance(Duration.ofMinutes(2));
        checks.runDue();
        assertThat(d.thread(p)).noneMatch(m -> m.allText().contains("Post-release check"));

        d.clock.advance(Duration.ofMinutes(4));
        checks.runDue();
        d.awaitThreadReply(p, "Post-release check of commons");
        assertThat(d.thread(p)).filteredOn(m -> m.allText().contains("Post-release check"))
                .singleElement().satisfies(m -> assertThat(m.allText())
                        .contains("passed: health 200 in 12 ms, no alarms firing throughout 5 min"));
        d.clock.advance(Duration.ofMinutes(5));
        checks.runDue();
        assertThat(d.thread(p)).filteredOn(m -> m.allText().contains("Post-release check")).hasSize(1);
    }

    @Test
    void theFirstFailureIsPostedAtOnceWithTheRollbackCommand() {
        probe.answer("billing", "prod", new ReleaseProbe.Result(true, false, "health answered 503, down: database"));
        var p = succeeded("billing");
        checks.runDue();
        d.awaitThreadReply(p, "Post-release check of billing");
        assertThat(d.thread(p)).filteredOn(m -> m.allText().contains("Post-release check")).singleElement()
                .satisfies(m -> assertThat(m.allText()).contains("FAILED: health answered 503, down: database",
                        "/deploy rollback billing prod"));
        d.clock.advance(Duration.ofMinutes(1));
        checks.runDue();
        assertThat(d.thread(p)).filteredOn(m -> m.allText().contains("Post-release check")).hasSize(1);
    }
}
