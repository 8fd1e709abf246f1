package dev.flightdeck.deploy;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.deploy.EnvironmentConfig.DEFAULT_EXPIRE_AFTER;
import static dev.flightdeck.deploy.EnvironmentConfig.DEFAULT_NUDGE_AFTER;
import static dev.flightdeck.deploy.EnvironmentConfig.DEFAULT_POST_RELEASE_CHECK;
import static dev.flightdeck.deploy.EnvironmentConfig.DEFAULT_RUNNER_NUDGE_AFTER;
import static org.assertj.core.api.Assertions.assertThat;

/** The checks list: gates decide which run; a check that throws blocks, named, instead of failing the request. */
class PreDeployChecksTest {

    static DeployCheck check(String name, Gate gate, CheckOutcome outcome) {
        return new DeployCheck() {
            public String name() { return name; }
            public Optional<Gate> gate() { return Optional.ofNullable(gate); }
            public CheckOutcome check(DeployCandidate c) { return outcome; }
        };
    }

    static final DeployCheck THROWS = new DeployCheck() {
        public String name() { return "alarms"; }
        public Optional<Gate> gate() { return Optional.of(Gate.ALARMS); }
        public CheckOutcome check(DeployCandidate c) { throw new IllegalStateException("CloudWatch timed out"); }
    };

    @Test
    void onlyEnabledGatesRunAThrowingCheckBlocksAndTheApprovalPolicyIsStated() {
        ApproverDirectory directory = handle -> Set.of("U1");
        PreDeployChecks checks = new PreDeployChecks(List.of(
                check("freeze", Gate.FREEZE, new CheckOutcome.Blocked("sev1 open")),
                check("always", null, new CheckOutcome.Passed("fine")),
                THROWS), new dev.flightdeck.slack.deploy.SlackCheckWords());
        EnvironmentConfig env = new EnvironmentConfig("prod", new ChannelRef.Named("deploys"), 1,
                List.of(new ApproverRef.Group("release-managers")), false, Optional.empty(), Optional.empty(),
                Set.of(Gate.ALARMS, Gate.LOCK), true, DEFAULT_NUDGE_AFTER, DEFAULT_RUNNER_NUDGE_AFTER,
                DEFAULT_EXPIRE_AFTER, DEFAULT_POST_RELEASE_CHECK);

        List<CheckResult> results = checks.run(new DeployCandidate("commons", "prod", "1.0", "U2", null, env, Instant.EPOCH));

        assertThat(results).extracting(CheckResult::name).containsExactly("alarms", "always", "approval");
        assertThat(results.get(0)).isEqualTo(CheckResult.blocked("alarms", "could not check alarms: CloudWatch timed out"));
        assertThat(results.get(2).text()).isEqualTo("1 go needed from @release-managers; the requester may not approve");
    }
}
