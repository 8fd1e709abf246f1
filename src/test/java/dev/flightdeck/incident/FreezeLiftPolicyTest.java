package dev.flightdeck.incident;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.ApproverDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class FreezeLiftPolicyTest {

    final AtomicBoolean groupsDown = new AtomicBoolean();
    final FreezeLiftPolicy policy = new FreezeLiftPolicy(team(), new ApprovalPolicy(new ApproverDirectory() {
        public Set<String> members(String handle) {
            if (groupsDown.get()) {
                throw new DirectoryUnavailable("usergroups.users.list failed", null);
            }
            return handle.equals("release-managers") ? Set.of("U0RM") : Set.of();
        }
    }));
    final Incident sev2 = Incidents.anIncident(7).severity(Severity.SEV2).build(); // commander U0CMDR

    @Test
    void loweringBelowTheFreezeOrResolvingIsForTheCommanderAndApproversOfAFrozenEnvironment() {
        assertThat(policy.check(sev2, Optional.of(Severity.SEV3), "U0CMDR")).isInstanceOf(FreezeLiftPolicy.Allowed.class);
        assertThat(policy.check(sev2, Optional.empty(), "U0LEAD")).isInstanceOf(FreezeLiftPolicy.Allowed.class);
        assertThat(policy.check(sev2, Optional.empty(), "U0RM")).isInstanceOf(FreezeLiftPolicy.Allowed.class);

        var no = (FreezeLiftPolicy.Rejected) policy.check(sev2, Optional.of(Severity.SEV4), "U0DEV");
        assertThat(no.incidentId()).isEqualTo("INC-7");
        assertThat(no.commanderId()).isEqualTo("U0CMDR");
        assertThat(no.frozen()).containsExactly("prod");
        assertThat(no.approvers()).containsExactly(new ApproverRef.Group("release-managers"), new ApproverRef.User("U0LEAD"));
        assertThat(no.unverifiable()).isFalse();
        assertThat(policy.check(sev2, Optional.empty(), "U0DEV")).isInstanceOf(FreezeLiftPolicy.Rejected.class);
        // staging names a freeze-at but has no freeze gate: it is not frozen, so its approvers lift nothing.
        assertThat(policy.check(sev2, Optional.empty(), "U0STG")).isInstanceOf(FreezeLiftPolicy.Rejected.class);
    }

    @Test
    void raisingLoweringWithinTheFreezeAndIncidentsThatFreezeNothingAreOpenToAll() {
        assertThat(policy.check(sev2, Optional.of(Severity.SEV1), "U0DEV")).isInstanceOf(FreezeLiftPolicy.Allowed.class);
        Incident sev1 = Incidents.anIncident(8).severity(Severity.SEV1).build();
        assertThat(policy.check(sev1, Optional.of(Severity.SEV2), "U0DEV")).isInstanceOf(FreezeLiftPolicy.Allowed.class);
        Incident sev3 = Incidents.anIncident(9).severity(Severity.SEV3).build();
        assertThat(policy.check(sev3, Optional.empty(), "U0DEV")).isInstanceOf(FreezeLiftPolicy.Allowed.class);
    }

    @Test
    void whenTheUserGroupsCannotBeReadItRefusesAndSaysSo() {
        groupsDown.set(true);
        var no = (FreezeLiftPolicy.Rejected) policy.check(sev2, Optional.empty(), "U0RM");
        assertThat(no.unverifiable()).isTrue();
        assertThat(policy.check(sev2, Optional.empty(), "U0LEAD")).isInstanceOf(FreezeLiftPolicy.Allowed.class);
    }

    private static TeamConfig team() {
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        envs.put("staging", env("staging", Optional.of(Severity.SEV2), Set.of(), List.of(new ApproverRef.User("U0STG"))));
        envs.put("prod", env("prod", Optional.of(Severity.SEV2), Set.of(Gate.FREEZE),
                List.of(new ApproverRef.Group("release-managers"), new ApproverRef.User("U0LEAD"))));
        return new TeamConfig(envs, Map.of(), IncidentsConfig.defaults(), WebhooksConfig.NONE);
    }

    private static EnvironmentConfig env(String name, Optional<Severity> freezeAt, Set<Gate> gates, List<ApproverRef> approvers) {
        return new EnvironmentConfig(name, new ChannelRef.Named("deploys"), 1, approvers, false, Optional.empty(), freezeAt,
                gates, true, Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofMinutes(5));
    }
}
