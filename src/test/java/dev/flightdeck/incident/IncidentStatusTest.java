package dev.flightdeck.incident;

import org.junit.jupiter.api.Test;

import static dev.flightdeck.incident.IncidentStatus.IDENTIFIED;
import static dev.flightdeck.incident.IncidentStatus.INVESTIGATING;
import static dev.flightdeck.incident.IncidentStatus.MONITORING;
import static dev.flightdeck.incident.IncidentStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentStatusTest {

    @Test
    void openStatusesMoveFreelyAndAnyOpenStatusResolves() {
        assertThat(INVESTIGATING.next()).containsExactlyInAnyOrder(IDENTIFIED, MONITORING, RESOLVED);
        assertThat(MONITORING.canMoveTo(INVESTIGATING)).as("a fix that did not hold").isTrue();
        assertThat(IDENTIFIED.canMoveTo(IDENTIFIED)).as("an update without a status change").isTrue();
        for (IncidentStatus s : IncidentStatus.values()) {
            assertThat(s.canMoveTo(RESOLVED)).isEqualTo(s != RESOLVED);
        }
    }

    @Test
    void resolvedIsFinal() {
        assertThat(RESOLVED.next()).isEmpty();
        for (IncidentStatus s : IncidentStatus.values()) {
            assertThat(RESOLVED.canMoveTo(s)).isFalse();
        }
        assertThat(RESOLVED.isOpen()).isFalse();
    }
}
