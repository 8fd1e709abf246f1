package dev.flightdeck.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.flightdeck.deploy.DeployEvent.*;
import static dev.flightdeck.deploy.DeployState.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The one transition table holds exactly the edges of DESIGN.md section 2 (plus final build states from TRIGGERING). */
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
}
