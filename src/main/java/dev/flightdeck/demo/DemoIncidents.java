package dev.flightdeck.demo;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.incident.TimelineEntry.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Four incidents over the four weeks, titled after the team's own services so they show up in each service's time
 * to restore: three resolved with roles, updates, notes and the four summary parts, one still open (sev3, so it does
 * not freeze production deploys for someone trying the demo).
 */
final class DemoIncidents {

    private final IncidentRepository repository;

    DemoIncidents(IncidentRepository repository) {
        this.repository = repository;
    }

    int write(Instant now, List<String> services) {
        String first = services.isEmpty() ? "checkout" : services.get(0);
        String second = services.size() > 1 ? services.get(1) : first;
        String third = services.size() > 2 ? services.get(2) : first;
        String last = services.size() > 3 ? services.get(3) : second;
        Instant start1 = dayAt(now, 20, 19, 10);
        long one = resolved(first + " emails not delivered", Severity.SEV2, start1, Duration.ofMinutes(100),
                new Incident.SummaryText(
                        "For 1h40m, password-reset and receipt emails from " + first + " were not sent.",
                        "About 2,300 customers who asked for a password reset or bought something in that time.",
                        "Release " + first + " 1.10.x set EMAIL_QUEUE_URL in prod to the staging queue, so two "
                                + "consumers read one queue and prod emails were dropped.",
                        "The config gate now checks that EMAIL_QUEUE_URL ends in -prod in prod, and that no two "
                                + "services share a queue."));
        resolved(second + " API slow for EU customers", Severity.SEV3, dayAt(now, 12, 17, 40), Duration.ofMinutes(185),
                new Incident.SummaryText(
                        second + " API p95 latency rose from 300 ms to 4 s for three hours.",
                        "EU customers paying invoices; no payments were lost.",
                        "A missing index on the new invoices query; the nightly batch made it worse.",
                        "Index added; query plans of new endpoints are reviewed before release."));
        resolved(last + " export timing out", Severity.SEV4, dayAt(now, 6, 21, 5), Duration.ofMinutes(45),
                new Incident.SummaryText(
                        "Monthly " + last + " exports timed out for 45 minutes.",
                        "Three internal users running month-end exports.",
                        "An export of a very large account hit the 60 s request limit.",
                        "Exports now run in the background and are emailed when ready."));
        Incident open = repository.create(new IncidentRepository.NewIncident(third + " checkout errors for some users",
                Severity.SEV3, DemoDeploys.PEOPLE.get(2), null, now.minus(Duration.ofHours(3)), Optional.empty()));
        setUp(open, now.minus(Duration.ofHours(3)));
        repository.recordUpdate(open.number(), IncidentStatus.IDENTIFIED, now.minus(Duration.ofMinutes(80)), Optional.empty());
        repository.addTimeline(open.number(), new TimelineEntry(now.minus(Duration.ofMinutes(80)), DemoDeploys.PEOPLE.get(3),
                Kind.UPDATE, "identified: a third-party payment script fails on old Safari; a fallback is being tested"),
                Optional.empty());
        return one > 0 ? 4 : 0;
    }

    private long resolved(String title, Severity severity, Instant started, Duration lasted, Incident.SummaryText summary) {
        String commander = DemoDeploys.PEOPLE.get(0);
        String communicator = DemoDeploys.PEOPLE.get(1);
        Incident i = repository.create(new IncidentRepository.NewIncident(title, severity, commander, null, started,
                Optional.empty()));
        setUp(i, started);
        long n = i.number();
        note(n, started.plusSeconds(240), commander, Kind.ROLE, "<@" + communicator + "> is communicator");
        update(n, started.plus(lasted.dividedBy(5)), communicator, IncidentStatus.INVESTIGATING,
                "We are looking into reports; next update within the hour");
        update(n, started.plus(lasted.dividedBy(2)), communicator, IncidentStatus.IDENTIFIED,
                "Cause found, fix being deployed");
        note(n, started.plus(lasted.dividedBy(2)).plusSeconds(300), commander, Kind.NOTE,
                "Rollback chosen over a forward fix: faster and already tested");
        update(n, started.plus(lasted.multipliedBy(4).dividedBy(5)), communicator, IncidentStatus.MONITORING,
                "Fix is live, watching error rates");
        Instant resolvedAt = started.plus(lasted);
        repository.addTimeline(n, new TimelineEntry(resolvedAt, commander, Kind.RESOLVED, "resolved"), Optional.empty());
        repository.resolve(n, resolvedAt, summary);
        return n;
    }

    private void setUp(Incident i, Instant at) {
        String commander = i.declaredBy();
        repository.setChannel(i.number(), "C0DEMO" + i.number(), "inc-" + i.number() + "-demo");
        repository.markSetupComplete(i.number());
        repository.setRole(i.number(), IncidentRole.COMMUNICATOR, DemoDeploys.PEOPLE.get(1));
        repository.addTimeline(i.number(), new TimelineEntry(at, commander, Kind.DECLARED,
                "declared " + i.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + i.title()), Optional.empty());
    }

    private void update(long n, Instant at, String by, IncidentStatus status, String text) {
        repository.recordUpdate(n, status, at, Optional.empty());
        note(n, at, by, Kind.UPDATE, status.name().toLowerCase(java.util.Locale.ROOT) + ": " + text);
    }

    private void note(long n, Instant at, String by, Kind kind, String text) {
        repository.addTimeline(n, new TimelineEntry(at, by, kind, text), Optional.empty());
    }

    /** {@code daysAgo} days before now's day, at hh:mm UTC. */
    private static Instant dayAt(Instant now, int daysAgo, int hour, int minute) {
        return now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo))
                .plus(Duration.ofMinutes(hour * 60L + minute));
    }
}
