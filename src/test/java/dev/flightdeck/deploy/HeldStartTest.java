package dev.flightdeck.deploy;

import dev.flightdeck.deploy.fakes.DeployWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static dev.flightdeck.deploy.fakes.DeployWorld.RM1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check that has not settled (gate ci: CI still running) lets the goes in and holds the start; an approver may
 * override it after the goes too (plain JUnit on the in-memory world: PROD needs one go, the runner presses Start).
 */
class HeldStartTest {

    final DeployWorld w = new DeployWorld();

    long requestedWithCiRunning() {
        DeployRequest r = DeployRequests.aProdRequest().of("commons").version("5.12.0").by(DEV).runner(DEV)
                .approvals(1).requestedAt(w.clock.instant()).nextNudgeAt(w.clock.instant().plus(Duration.ofMinutes(15)))
                .expiresAt(w.clock.instant().plus(Duration.ofHours(4))).build();
        return w.repository.insert(r, List.of(CheckResult.passed("lock", "free"),
                new CheckResult("ci", false, "waiting for CI: e2e", null, null, true,
                        w.clock.instant().plus(DeployRechecks.EVERY), "a".repeat(40)))).id();
    }

    @Test
    void theGoIsTakenButStartIsRefusedNamingTheCheckUntilAnApproverOverridesIt() {
        long id = requestedWithCiRunning();

        assertThat(w.deploys.go(id, LEAD)).isInstanceOf(DeployOutcome.Approved.class);
        assertThat(w.announcer.news()).anySatisfy(n -> assertThat(n).isEqualTo(new DeployNews.GoAhead(LEAD, false, List.of("ci"))));

        DeployOutcome start = w.deploys.start(id, DEV);
        assertThat(start).isInstanceOf(DeployOutcome.BlockedByChecks.class);
        assertThat(((DeployOutcome.BlockedByChecks) start).blocking()).extracting(CheckResult::name).containsExactly("ci");
        assertThat(w.backend.triggered()).isEmpty();
        assertThat(w.repository.find(id).orElseThrow().state()).isEqualTo(DeployState.APPROVED);

        assertThat(w.overrides.mayOverride(id, RM1)).isInstanceOf(DeployOutcome.Allowed.class);
        assertThat(w.overrides.override(id, RM1, "e2e is flaky, ran it by hand")).isInstanceOf(DeployOutcome.Overridden.class);
        assertThat(w.overrides.mayOverride(id, RM1)).isInstanceOf(DeployOutcome.NotWaiting.class);

        assertThat(w.deploys.start(id, DEV)).isInstanceOf(DeployOutcome.BuildStarted.class);
        assertThat(w.backend.triggered()).containsExactly(id);
    }
}
