package dev.flightdeck.deploy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.flightdeck.deploy.DeployEvent.*;
import static dev.flightdeck.deploy.DeployState.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The one transition table: exactly the designed edges (plus final build states from TRIGGERING) and their entry effects. */
class DeployTransitionsTest {

    @Test
    void theTableHasExactlyTheDesignedEdges() {
        List<String> edges = new ArrayList<>();
        for (DeployState from : DeployState.values()) {
            for (DeployEvent event : DeployEvent.values()) {
                DeployTransitions.next(from, event).ifPresent(to -> edges.add(from + " -" + event + "-> " + to));
            }
        }
        assertThat(edges).containsExactlyInAnyOrder(
                "REQUESTED -GO-> APPROVED", "REQUESTED -NO_GO-> REJECTED", "REQUESTED -CANCEL-> CANCELLED",
                "REQUESTED -EXPIRE-> EXPIRED",
                "APPROVED -START-> TRIGGERING", "APPROVED -CANCEL-> CANCELLED", "APPROVED -EXPIRE-> EXPIRED",
                "TRIGGERING -BUILD_RUNNING-> RUNNING", "TRIGGERING -TRIGGER_FAILED-> TRIGGER_FAILED",
                "TRIGGERING -BUILD_SUCCEEDED-> SUCCEEDED", "TRIGGERING -BUILD_FAILED-> FAILED",
                "TRIGGERING -BUILD_ABORTED-> ABORTED", "TRIGGERING -CANCEL-> CANCELLED",
                "RUNNING -CANCEL-> CANCELLED",
                "RUNNING -BUILD_SUCCEEDED-> SUCCEEDED", "RUNNING -BUILD_FAILED-> FAILED", "RUNNING -BUILD_ABORTED-> ABORTED",
                "TRIGGER_FAILED -RETRY-> TRIGGERING", "TRIGGER_FAILED -CANCEL-> CANCELLED");
    }

    @Test
    void finalStatesAreTheOnesWithNoWayOut() {
        EnumSet<DeployState> finals = EnumSet.noneOf(DeployState.class);
        for (DeployState s : DeployState.values()) {
            if (s.isFinal()) {
                finals.add(s);
            }
        }
        assertThat(finals).containsExactlyInAnyOrder(SUCCEEDED, FAILED, ABORTED, REJECTED, CANCELLED, EXPIRED);
        assertThat(DeployTransitions.next(REQUESTED, START)).isEmpty();
        assertThat(DeployTransitions.next(RUNNING, GO)).isEmpty();
        assertThat(DeployTransitions.next(SUCCEEDED, GO)).isEmpty();
    }

    static final Instant T0 = Instant.parse("2025-11-24T18:00:00Z");
    static final DeployTransitions.Timers TIMERS = new DeployTransitions.Timers(Duration.ofMinutes(15),
            Duration.ofMinutes(10), Duration.ofHours(4));

    static DeployRequest in(DeployState state) {
        return new DeployRequest(7, "commons", "prod", "5.11.2", "U1", "U2", null, null, state, 1, T0,
                null, null, T0, null, null, T0.plus(Duration.ofMinutes(15)), 2, T0.plus(Duration.ofHours(4)),
                "C1", "1.2", null, null);
    }

    @Test
    void enteringAStateSetsItsTimestampsAndSchedulesOrCancelsTheTimers() {
        Instant at = T0.plusSeconds(60);
        DeployRequest approved = in(REQUESTED).moved(APPROVED, "U3", null, at, TIMERS);
        assertThat(approved.nextNudgeAt()).as("the runner's nudge").isEqualTo(at.plus(Duration.ofMinutes(10)));
        assertThat(approved.expiresAt()).isEqualTo(at.plus(Duration.ofHours(4)));
        assertThat(approved.nudgesSent()).isZero();
        assertThat(approved.startedAt()).isNull();

        DeployRequest triggering = approved.moved(TRIGGERING, "U2", null, at.plusSeconds(1), null);
        assertThat(triggering.startedAt()).isEqualTo(at.plusSeconds(1));
        assertThat(triggering.nextNudgeAt()).isNull();
        assertThat(triggering.expiresAt()).isNull();
        DeployRequest failed = triggering.moved(DeployState.TRIGGER_FAILED, "system:build", "down", at.plusSeconds(2), null);
        DeployRequest retried = failed.moved(TRIGGERING, "U2", null, at.plusSeconds(3), null);
        assertThat(retried.startedAt()).as("a retry keeps the first start").isEqualTo(at.plusSeconds(1));
        assertThat(retried.finishedAt()).isNull();
        DeployRequest done = retried.moved(SUCCEEDED, "system:build", null, at.plusSeconds(4), null);
        assertThat(done.finishedAt()).isEqualTo(at.plusSeconds(4));
        assertThat(done.startedAt()).isEqualTo(at.plusSeconds(1));

        DeployRequest rejected = in(REQUESTED).moved(REJECTED, "U3", "no", at, TIMERS);
        assertThat(rejected.finishedAt()).isEqualTo(at);
        assertThat(rejected.nextNudgeAt()).isNull();
        assertThat(rejected.expiresAt()).isNull();
    }

    @Test
    void theQuestionsAskedOfAStateAreAnsweredByTheTable() {
        EnumSet<DeployState> deciding = EnumSet.noneOf(DeployState.class);
        EnumSet<DeployState> building = EnumSet.noneOf(DeployState.class);
        for (DeployState s : DeployState.values()) {
            if (s.awaitsDecision()) {
                deciding.add(s);
            }
            if (s.isBuilding()) {
                building.add(s);
            }
        }
        assertThat(deciding).containsExactly(REQUESTED);
        assertThat(building).containsExactlyInAnyOrder(TRIGGERING, RUNNING);
        assertThat(DeployTransitions.nudgeEvery(REQUESTED, TIMERS)).isEqualTo(Duration.ofMinutes(15));
        assertThat(DeployTransitions.nudgeEvery(APPROVED, TIMERS)).isEqualTo(Duration.ofMinutes(10));
    }
}
