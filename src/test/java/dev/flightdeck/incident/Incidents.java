package dev.flightdeck.incident;

import dev.flightdeck.incident.Severity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Test data builder: {@code Incidents.anIncident(12).severity(SEV1).title("Checkout down").build()}. */
final class Incidents {
    private long number;
    private String title = "Checkout down";
    private Severity severity = Severity.SEV3;
    private IncidentStatus status = IncidentStatus.INVESTIGATING;
    private Instant started = Instant.parse("2026-11-24T10:00:00Z");
    private Optional<Instant> resolved = Optional.empty();
    private Optional<Instant> firstUpdate = Optional.empty();
    private Optional<String> communicator = Optional.empty();
    private Optional<Incident.SummaryText> summary = Optional.empty();

    static Incidents anIncident(long number) {
        Incidents b = new Incidents();
        b.number = number;
        return b;
    }

    Incidents title(String t) { title = t; return this; }
    Incidents severity(Severity s) { severity = s; return this; }
    Incidents communicator(String c) { communicator = Optional.of(c); return this; }
    Incidents firstUpdateAt(Instant at) { firstUpdate = Optional.of(at); return this; }
    Incidents resolvedAt(Instant at, Incident.SummaryText parts) {
        status = IncidentStatus.RESOLVED;
        resolved = Optional.of(at);
        summary = Optional.of(parts);
        return this;
    }

    Incident build() {
        return new Incident(number, title, severity, status, "U0CMDR", communicator, "U0CMDR", Optional.of("C0OPS"), started, resolved,
                firstUpdate, firstUpdate, Optional.empty(), Optional.of("C0INC" + number), Optional.of("inc-" + number),
                Optional.of("1.000100"), Set.of(), true, summary);
    }
}
