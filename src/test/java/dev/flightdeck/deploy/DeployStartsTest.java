package dev.flightdeck.deploy;

import dev.flightdeck.deploy.fakes.DeployWorld;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static dev.flightdeck.deploy.fakes.DeployWorld.OUTSIDER;
import static dev.flightdeck.deploy.fakes.DeployWorld.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/** Start, retry and the build's reports: one trigger per start, and the build's news in the thread. */
class DeployStartsTest {

    final DeployWorld w = new DeployWorld();

    long approved() {
        long id = ((DeployOutcome.Requested) w.requests.request(NewDeploy.of("commons", "5.11.2", "prod", DEV,
                Optional.of(RUNNER), Optional.empty()))).request().id();
        w.deploys.go(id, LEAD);
        return id;
    }

    DeployState state(long id) {
        return w.repository.find(id).orElseThrow().state();
    }

    @Test
    void onlyTheRunnerOrTheRequesterStartsAndOnlyAfterAGo() {
        long id = ((DeployOutcome.Requested) w.requests.request(NewDeploy.of("commons", "5.11.2", "prod", DEV,
                Optional.of(RUNNER), Optional.empty()))).request().id();

        assertThat(w.deploys.start(id, RUNNER)).isInstanceOf(DeployOutcome.NeedsGo.class);
        w.deploys.go(id, LEAD);
        assertThat(w.deploys.start(id, OUTSIDER)).isInstanceOf(DeployOutcome.NotRunner.class);
        assertThat(w.backend.triggered()).isEmpty();
    }

    @Test
    void theRunnersStartTriggersOneBuildAndTellsTheChannel() {
        long id = approved();

        assertThat(w.deploys.start(id, RUNNER)).isInstanceOf(DeployOutcome.BuildStarted.class);
        assertThat(w.deploys.start(id, RUNNER)).isInstanceOf(DeployOutcome.NotWaiting.class);

        assertThat(w.backend.triggered()).containsExactly(id);
        assertThat(state(id)).isEqualTo(DeployState.RUNNING);
        assertThat(w.repository.find(id).orElseThrow().buildLabel()).isEqualTo("commons-prod #1");
        assertThat(w.announcer.news(DeployNews.Build.class)).containsExactly(new DeployNews.Build(BuildPhase.STARTED,
                "commons-prod #1", RUNNER, "https://ci.example.test/commons-prod/1"));
    }

    @Test
    void aFailedTriggerWaitsForRetry() {
        long id = approved();
        w.backend.failWith("Jenkins answered 503");

        assertThat(w.deploys.start(id, RUNNER)).isEqualTo(new DeployOutcome.StartFailed("Jenkins answered 503"));
        assertThat(state(id)).isEqualTo(DeployState.TRIGGER_FAILED);
        assertThat(w.announcer.news()).contains(new DeployNews.TriggerFailed("Jenkins answered 503", false));

        w.backend.failWith(null);
        assertThat(w.deploys.retry(id, RUNNER)).isInstanceOf(DeployOutcome.BuildStarted.class);
        assertThat(w.backend.triggered()).containsExactly(id, id);
    }

    @Test
    void theBuildsResultEndsTheDeployAndRepeatsChangeNothing() {
        long id = approved();
        w.deploys.start(id, RUNNER);

        assertThat(w.deploys.buildStatus(id, DeployEvent.BUILD_SUCCEEDED, null, null))
                .isInstanceOf(DeployOutcome.BuildMoved.class);
        assertThat(state(id)).isEqualTo(DeployState.SUCCEEDED);
        assertThat(w.deploys.buildStatus(id, DeployEvent.BUILD_SUCCEEDED, null, null))
                .isInstanceOf(DeployOutcome.BuildChangesNothing.class);
        assertThat(w.announcer.news(DeployNews.Build.class)).extracting(DeployNews.Build::status)
                .containsExactly(BuildPhase.STARTED, BuildPhase.SUCCEEDED);
        assertThat(w.announcer.news(DeployNews.Build.class).get(1).who()).isEqualTo(RUNNER);
    }
}
