package dev.flightdeck.deploy;

import dev.flightdeck.deploy.fakes.DeployWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** Nudges and expiry on a clock the test moves. */
class DeploySchedulerTest {

    final DeployWorld w = new DeployWorld();

    long requested() {
        return ((DeployOutcome.Requested) w.requests.request(NewDeploy.of("commons", "5.11.2", "prod", DEV,
                Optional.empty(), Optional.empty()))).request().id();
    }

    @Test
    void nothingIsDueBeforeItsTime() {
        requested();
        w.clock.advance(Duration.ofMinutes(14));

        assertThat(w.scheduler.runDue()).isZero();
        assertThat(w.announcer.news()).isEmpty();
    }

    @Test
    void approversAreNudgedOnceAfterFifteenMinutesNamingWhoApproves() {
        long id = requested();
        w.clock.advance(Duration.ofMinutes(15));

        assertThat(w.scheduler.runDue()).isEqualTo(1);
        assertThat(w.scheduler.runDue()).isZero();

        assertThat(w.announcer.news()).containsExactly(new DeployNews.ApproversNudged(w.prod().approvers(),
                Duration.ofMinutes(15)));
        assertThat(w.repository.find(id).orElseThrow().nudgesSent()).isEqualTo(1);
    }

    @Test
    void approversAreNudgedAtMostFourTimes() {
        requested();
        for (int i = 0; i < 6; i++) {
            w.clock.advance(Duration.ofMinutes(15));
            w.scheduler.runDue();
        }

        assertThat(w.announcer.news(DeployNews.ApproversNudged.class)).hasSize(DeployScheduler.MAX_NUDGES);
    }

    @Test
    void anApprovedDeployNudgesItsRunner() {
        long id = requested();
        w.deploys.go(id, LEAD);
        w.clock.advance(Duration.ofMinutes(30));

        w.scheduler.runDue();

        assertThat(w.announcer.news(DeployNews.RunnerNudged.class))
                .containsExactly(new DeployNews.RunnerNudged(Duration.ofMinutes(30)));
    }

    @Test
    void anUndecidedRequestExpiresAfterFourHours() {
        long id = requested();
        w.clock.advance(Duration.ofHours(4));

        w.scheduler.runDue();

        assertThat(w.repository.find(id).orElseThrow().state()).isEqualTo(DeployState.EXPIRED);
        assertThat(w.announcer.news()).contains(new DeployNews.Expired(Duration.ofHours(4), true));
        assertThat(w.deploys.go(id, LEAD)).isInstanceOf(DeployOutcome.NotWaiting.class);
    }

    @Test
    void aRequestWhoseMessageWasNeverQueuedIsQueuedByTheNextRun() {
        w.announcer.slackDown();
        long id = requested();
        w.clock.advance(Duration.ofMinutes(2));

        w.scheduler.runDue();

        assertThat(w.announcer.posted()).extracting(v -> v.request().id()).containsExactly(id, id);
    }
}
