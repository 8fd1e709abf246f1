package dev.flightdeck.incident;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentFreezeCheckTest {

    final List<Incident> open = new ArrayList<>();
    final IncidentFreezeCheck freeze = new IncidentFreezeCheck(() -> List.copyOf(open),
            new dev.flightdeck.slack.deploy.SlackCheckWords());

    @Test
    void itIsTheFreezeGate() {
        assertThat(freeze.name()).isEqualTo("freeze");
        assertThat(freeze.gate()).contains(Gate.FREEZE);
    }

    @Test
    void anOpenIncidentAtOrAboveTheFreezeSeverityBlocksNamingIt() {
        open.add(Incidents.anIncident(12).severity(Severity.SEV1).title("Checkout down").build());
        CheckOutcome outcome = freeze.check(candidate(Optional.of(Severity.SEV2)));
        assertThat(outcome).isInstanceOf(CheckOutcome.Blocked.class);
        assertThat(outcome.text()).startsWith("INC-12 (sev1) is open: Checkout down").contains("prod", "sev2");
    }

    @Test
    void everyBlockingIncidentIsNamedMostSevereFirst() {
        open.add(Incidents.anIncident(14).severity(Severity.SEV2).title("Search slow").build());
        open.add(Incidents.anIncident(13).severity(Severity.SEV1).title("Checkout down").build());
        open.add(Incidents.anIncident(15).severity(Severity.SEV3).title("Typo").build());
        String text = freeze.check(candidate(Optional.of(Severity.SEV2))).text();
        assertThat(text).startsWith("INC-13 (sev1)").contains("INC-14 (sev2) is open: Search slow").doesNotContain("INC-15");
    }

    @Test
    void lessSevereIncidentsOrNoFreezeSeverityLetDeploysThrough() {
        open.add(Incidents.anIncident(16).severity(Severity.SEV3).build());
        assertThat(freeze.check(candidate(Optional.of(Severity.SEV2))).blocks()).isFalse();
        open.add(Incidents.anIncident(17).severity(Severity.SEV1).build());
        assertThat(freeze.check(candidate(Optional.empty())).blocks()).isFalse();
        open.clear();
        assertThat(freeze.check(candidate(Optional.of(Severity.SEV4))).text()).contains("no open incident at sev4");
    }

    private static DeployCandidate candidate(Optional<Severity> freezeAt) {
        EnvironmentConfig prod = new EnvironmentConfig("prod", new dev.flightdeck.team.ChannelRef.Named("deploys"), 1,
                List.of(), false, Optional.empty(), freezeAt, Set.of(Gate.FREEZE), true, Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofMinutes(5));
        return new DeployCandidate("commons", "prod", "5.11.2", "U1", null, prod, Instant.parse("2026-11-24T12:00:00Z"));
    }
}
