package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.check.CheckWords;
import dev.flightdeck.deploy.check.LockCheck;
import dev.flightdeck.deploy.check.PromotedCheck;
import dev.flightdeck.deploy.fakes.DeployWorld;
import dev.flightdeck.deploy.fakes.InMemoryPromotionClaims;
import dev.flightdeck.slack.deploy.SlackCheckWords;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.flightdeck.deploy.DeployRequests.aRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promote to PROD on in-memory ports: PROD promotes from STAGING with the promoted gate on. A click opens one request
 * for the version with the clicker as requester; what is open, live or newer there opens nothing, and says so.
 */
class PromoteDeployTest {

    final DeployWorld w = new DeployWorld();
    final InMemoryPromotionClaims claims = new InMemoryPromotionClaims();
    final TeamConfig team = promotingTeam(w);
    final CheckWords words = new SlackCheckWords();
    final RequestDeploy requests = new RequestDeploy(team, new PreDeployChecks(List.of(new LockCheck(w.repository, words),
            new PromotedCheck(w.repository, words)), words), w.repository, w.moves, w.announcer, w.starts,
            new Auditor(w.audit, Object::toString, w.clock), w.clock);
    final PromoteDeploy promote = new PromoteDeploy(team, w.repository, claims, requests, w.announcer, w.clock);

    static TeamConfig promotingTeam(DeployWorld w) {
        EnvironmentConfig p = w.prod();
        EnvironmentConfig prod = new EnvironmentConfig(p.name(), p.channel(), p.approvals(), p.approvers(),
                p.selfApproval(), p.window(), p.freezeAt(), Set.of(Gate.LOCK, Gate.PROMOTED), p.autoStart(),
                p.nudgeAfter(), p.runnerNudgeAfter(), p.expireAfter(), p.postReleaseCheck(), p.buildSilence(),
                Optional.of("staging"), List.of());
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        envs.put("staging", w.team.environment("staging").orElseThrow());
        envs.put("prod", prod);
        return new TeamConfig(envs, w.team.services(), w.team.incidents(), w.team.webhooks());
    }

    DeployRequest succeeded(String env, String version, Instant finished) {
        return w.repository.insert(aRequest().of("commons").to(env).version(version).by(DeployWorld.DEV)
                .in(DeployState.SUCCEEDED).requestedAt(finished.minus(Duration.ofMinutes(10)))
                .startedAt(finished.minus(Duration.ofMinutes(5))).finishedAt(finished).build(), List.of());
    }

    @Test
    void aClickOpensTheProdRequestForTheSameVersionByTheClickerNotBlockedByPromoted() {
        DeployRequest staging = succeeded("staging", "5.12.0", w.clock.instant());

        var outcome = promote.promote(staging.id(), "prod", DeployWorld.RM1);

        assertThat(outcome).isInstanceOf(PromotionOutcome.Opened.class);
        DeployRequest opened = ((PromotionOutcome.Opened) outcome).requested().request();
        assertThat(opened.service()).isEqualTo("commons");
        assertThat(opened.environment()).isEqualTo("prod");
        assertThat(opened.version()).isEqualTo("5.12.0");
        assertThat(opened.requesterId()).isEqualTo(DeployWorld.RM1);
        assertThat(opened.note()).isEqualTo("promoted from STAGING (deploy #" + staging.id() + ")");
        assertThat(w.repository.checks(opened.id())).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("promoted");
            assertThat(c.blocked()).isFalse();
            assertThat(c.text()).startsWith("5.12.0 succeeded in STAGING (deploy #" + staging.id() + ", ");
        });
        // Acknowledged in the staging deploy's thread.
        assertThat(w.announcer.news(DeployNews.Promoted.class)).singleElement()
                .satisfies(p -> assertThat(p.opened().id()).isEqualTo(opened.id()));
    }

    @Test
    void theGateBlocksAVersionThatHasNotSucceededInStagingNamingWhatIsLiveThere() {
        var first = requests.request(NewDeploy.of("commons", "5.11.2", "prod", DeployWorld.DEV, Optional.empty(),
                Optional.empty()));
        assertThat(((DeployOutcome.Requested) first).blocking()).singleElement().isEqualTo(
                CheckResult.blocked("promoted", "5.11.2 has not succeeded in STAGING (nothing has succeeded there yet)"));
        succeeded("staging", "5.11.2", w.clock.instant());

        var outcome = requests.request(NewDeploy.of("commons", "5.12.0", "prod", DeployWorld.DEV, Optional.empty(),
                Optional.empty()));

        assertThat(((DeployOutcome.Requested) outcome).blocking()).singleElement().isEqualTo(
                CheckResult.blocked("promoted", "5.12.0 has not succeeded in STAGING (live there: 5.11.2)"));
        var none = requests.request(NewDeploy.of("commons", "9.9.9", "staging", DeployWorld.DEV, Optional.empty(),
                Optional.empty()));
        assertThat(((DeployOutcome.Requested) none).blocking()).isEmpty(); // staging promotes from nowhere
    }

    @Test
    void aSecondClickOpensNothingAndPointsAtTheOpenRequestUntilItEnds() {
        DeployRequest staging = succeeded("staging", "5.12.0", w.clock.instant());
        DeployRequest first = ((PromotionOutcome.Opened) promote.promote(staging.id(), "prod", DeployWorld.RM1))
                .requested().request();

        var second = promote.promote(staging.id(), "prod", DeployWorld.RM2);

        assertThat(second).isEqualTo(new PromotionOutcome.AlreadyOpen(staging, w.repository.find(first.id()).orElseThrow()));
        assertThat(w.repository.history("commons", Optional.of("prod"), 10)).hasSize(1);

        // Once that request is cancelled, a click opens a new one.
        assertThat(w.deploys.cancel(first.id(), DeployWorld.RM1).refused()).isFalse();
        assertThat(promote.promote(staging.id(), "prod", DeployWorld.RM2)).isInstanceOf(PromotionOutcome.Opened.class);
        assertThat(w.repository.history("commons", Optional.of("prod"), 10)).hasSize(2);
    }

    @Test
    void manyClicksAtOnceOpenOneRequest() throws Exception {
        DeployRequest staging = succeeded("staging", "5.12.0", w.clock.instant());
        int clicks = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        try {
            List<Future<PromotionOutcome>> answers = new ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                String user = "U0CLICK" + i;
                Callable<PromotionOutcome> click = () -> {
                    start.await();
                    return promote.promote(staging.id(), "prod", user);
                };
                answers.add(pool.submit(click));
            }
            start.countDown();
            List<PromotionOutcome> outcomes = new ArrayList<>();
            for (Future<PromotionOutcome> a : answers) {
                outcomes.add(a.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof PromotionOutcome.Opened).hasSize(1);
            assertThat(outcomes).filteredOn(PromotionOutcome::refused).allSatisfy(o -> assertThat(o)
                    .isInstanceOfAny(PromotionOutcome.AlreadyOpen.class, PromotionOutcome.BeingOpened.class));
        } finally {
            pool.shutdownNow();
        }
        assertThat(w.repository.history("commons", Optional.of("prod"), 10)).hasSize(1);
    }

    @Test
    void anOutdatedButtonOrAVersionAlreadyLiveOpensNothing() {
        DeployRequest old = succeeded("staging", "5.12.0", w.clock.instant());
        w.clock.advance(Duration.ofHours(1));
        DeployRequest newer = succeeded("staging", "5.13.0", w.clock.instant());
        DeployRequest live = succeeded("prod", "5.13.0", w.clock.instant().plus(Duration.ofMinutes(30)));

        assertThat(promote.promote(old.id(), "prod", DeployWorld.RM1)).isEqualTo(new PromotionOutcome.Outdated(old, live));
        assertThat(promote.promote(newer.id(), "prod", DeployWorld.RM1)).isEqualTo(new PromotionOutcome.AlreadyLive(newer, live));
        assertThat(w.repository.history("commons", Optional.of("prod"), 10)).containsExactly(live);
    }

    @Test
    void shasAreOrderedByWhenTheySucceededInTheSourceEnvironment() {
        DeployRequest older = succeeded("staging", "a1b2c3d", w.clock.instant());
        DeployRequest newer = succeeded("staging", "f00ba47", w.clock.instant().plus(Duration.ofMinutes(20)));
        succeeded("prod", "f00ba47", w.clock.instant().plus(Duration.ofMinutes(40)));

        assertThat(promote.promote(older.id(), "prod", DeployWorld.RM1)).isInstanceOf(PromotionOutcome.Outdated.class);
        // A hotfix never run in staging cannot be placed: the click goes on, and the checks and approvers decide.
        succeeded("prod", "beefcafe", w.clock.instant().plus(Duration.ofMinutes(50)));
        assertThat(promote.promote(older.id(), "prod", DeployWorld.RM1)).isInstanceOf(PromotionOutcome.Opened.class);
        assertThat(newer.version()).isEqualTo("f00ba47");
    }

    @Test
    void onlyASuccessOfAnEnvironmentThatIsPromotedFromCanBePromoted() {
        DeployRequest failed = w.repository.insert(aRequest().of("commons").to("staging").version("5.12.0")
                .in(DeployState.FAILED).build(), List.of());
        DeployRequest prodSuccess = succeeded("prod", "5.11.0", w.clock.instant());

        assertThat(promote.promote(failed.id(), "prod", DeployWorld.RM1)).isEqualTo(new PromotionOutcome.NotSucceeded(failed));
        assertThat(promote.promote(prodSuccess.id(), "staging", DeployWorld.RM1))
                .isEqualTo(new PromotionOutcome.NoLongerPromotes(prodSuccess, "staging"));
        assertThat(promote.promote(987_654L, "prod", DeployWorld.RM1)).isEqualTo(new PromotionOutcome.NoSuchDeploy(987_654L));
        assertThat(PromoteDeploy.targets(team, "staging")).containsExactly("prod");
        assertThat(PromoteDeploy.targets(team, "prod")).isEmpty();
    }

    @Test
    void anAbandonedClaimIsTakenOverAfterItsLease() {
        DeployRequest staging = succeeded("staging", "5.12.0", w.clock.instant());
        PromotionClaims.Key key = new PromotionClaims.Key("commons", "prod", "5.12.0");
        // A replica claimed and died before opening anything.
        assertThat(claims.claim(key, "dead", DeployWorld.RM2, w.clock.instant(), w.clock.instant())).isTrue();

        assertThat(promote.promote(staging.id(), "prod", DeployWorld.RM1))
                .isEqualTo(new PromotionOutcome.BeingOpened(staging, "prod", Optional.of(DeployWorld.RM2)));
        w.clock.advance(PromoteDeploy.CLAIM_LEASE.plusSeconds(1));
        assertThat(promote.promote(staging.id(), "prod", DeployWorld.RM1)).isInstanceOf(PromotionOutcome.Opened.class);
    }
}
