package dev.flightdeck.deploy;

import dev.flightdeck.deploy.fakes.DeployWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static dev.flightdeck.deploy.fakes.DeployWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** /deploy as a use case: what is stored, what is posted, and what the requester is told, on in-memory ports. */
class RequestDeployTest {

    final DeployWorld w = new DeployWorld();

    static NewDeploy ask(String service, String version, String env, String by) {
        return NewDeploy.of(service, version, env, by, Optional.empty(), Optional.empty());
    }

    @Test
    void anUnknownServiceIsAnsweredWithTheKnownOnesAndNothingIsStored() {
        DeployOutcome o = w.requests.request(ask("billing", "1.0", "prod", DEV));

        assertThat(o).isEqualTo(new DeployOutcome.BadInput(new InputProblem.NoSuchService("billing", List.of("commons"))));
        assertThat(w.repository.find(1)).isEmpty();
        assertThat(w.announcer.posted()).isEmpty();
    }

    @Test
    void aVersionThatIsNotOneIsRefused() {
        assertThat(w.requests.problem(ask("commons", "1.0;rm -rf", "prod", DEV)))
                .contains(new InputProblem.BadVersion("1.0;rm -rf"));
    }

    @Test
    void aProdRequestIsStoredPostedAndTimedForNudgeAndExpiry() {
        DeployOutcome o = w.requests.request(ask("commons", "5.11.2", "prod", DEV));

        DeployOutcome.Requested requested = (DeployOutcome.Requested) o;
        assertThat(requested.posted()).isTrue();
        assertThat(requested.blocking()).isEmpty();
        DeployRequest r = w.repository.find(requested.request().id()).orElseThrow();
        assertThat(r.state()).isEqualTo(DeployState.REQUESTED);
        assertThat(r.runnerId()).isEqualTo(DEV);
        assertThat(r.approvalsRequired()).isEqualTo(1);
        assertThat(r.hasMessage()).isTrue();
        assertThat(r.nextNudgeAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(r.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(w.announcer.posted()).singleElement().extracting(v -> v.request().id()).isEqualTo(r.id());
        assertThat(w.repository.checks(r.id())).extracting(CheckResult::name).containsExactly("lock", "approval");
    }

    @Test
    void aManualLockBlocksTheRequestAndTheAnswerNamesTheRule() {
        w.locks.lock("commons", "prod", LEAD, "database migration");

        DeployOutcome.Requested o = (DeployOutcome.Requested) w.requests.request(ask("commons", "5.11.2", "prod", DEV));

        assertThat(o.blocking()).extracting(CheckResult::name).containsExactly("lock");
        assertThat(o.blocking().get(0).text()).contains("database migration");
    }

    @Test
    void whenSlackRefusesTheMessageTheRequestIsCancelledAndTheRequesterTold() {
        w.announcer.refuseWith("channel_not_found");

        DeployOutcome o = w.requests.request(ask("commons", "5.11.2", "prod", DEV));

        assertThat(o).isEqualTo(new DeployOutcome.AnnounceFailed(1, "#deploys-prod", "channel_not_found"));
        assertThat(w.repository.find(1).orElseThrow().state()).isEqualTo(DeployState.CANCELLED);
    }

    @Test
    void whenSlackIsDownTheRequestWaitsForItsMessage() {
        w.announcer.slackDown();

        DeployOutcome.Requested o = (DeployOutcome.Requested) w.requests.request(ask("commons", "5.11.2", "prod", DEV));

        assertThat(o.posted()).isFalse();
        assertThat(o.channel()).isEqualTo("#deploys-prod");
        assertThat(w.repository.find(o.request().id()).orElseThrow().hasMessage()).isFalse();
    }

    @Test
    void anAnnounceOnlyEnvironmentGoesAtOnceAndStartsTheBuild() {
        DeployOutcome.Requested o = (DeployOutcome.Requested) w.requests.request(ask("commons", "5.11.2", "staging", DEV));

        long id = o.request().id();
        assertThat(w.repository.find(id).orElseThrow().state()).isEqualTo(DeployState.RUNNING);
        assertThat(w.backend.triggered()).containsExactly(id);
        assertThat(w.announcer.news()).startsWith(new DeployNews.AnnounceOnlyGo(true));
        assertThat(w.announcer.news(DeployNews.Build.class)).singleElement()
                .isEqualTo(new DeployNews.Build(BuildPhase.STARTED, "commons-staging #1", DEV,
                        "https://ci.example.test/commons-staging/1"));
    }
}
