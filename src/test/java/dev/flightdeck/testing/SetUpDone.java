package dev.flightdeck.testing;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * Waits for a declaration to be complete in Slack: the record says set-up is complete once every step of it happened
 * (channel, invites, card, pin, topic, announcement, the call for a communicator) and the card shows the latest state.
 */
public final class SetUpDone {

    private SetUpDone() {
    }

    public static Incident await(IncidentService incidents, long number, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Incident> seen = incidents.find(number);
        while (seen.isEmpty() || !seen.get().setupComplete()) {
            if (System.nanoTime() > deadline) {
                return fail("INC-" + number + " not set up within " + timeout + "; last seen: " + seen);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted waiting for INC-" + number);
            }
            seen = incidents.find(number);
        }
        return seen.get();
    }
}
