package dev.flightdeck.persistence;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.SetupStep;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.wake.Wakeups;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link IncidentRepository} on the {@code incident} and {@code incident_timeline} tables (H2 or PostgreSQL). */
@Singleton
public class JdbcIncidentRepository implements IncidentRepository {

    private final IncidentRowRepository incidents;
    private final TimelineRowRepository timeline;

    private final javax.sql.DataSource dataSource;
    private final Wakeups wakeups;

    public JdbcIncidentRepository(IncidentRowRepository incidents, TimelineRowRepository timeline, javax.sql.DataSource dataSource,
                                  Wakeups wakeups) {
        this.dataSource = dataSource;
        this.wakeups = wakeups;
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @Override
    public Incident create(NewIncident n) {
        IncidentRow row = incidents.save(new IncidentRow(null, n.title(), n.severity().name(),
                IncidentStatus.INVESTIGATING.name(), n.declaredBy(), null, n.declaredBy(), n.declaredIn(),
                n.startedAt(), null, null, null, n.nextReminderAt().orElse(null), null, null, null, null, null, null,
                null, false, null, null, null, null, null));
        n.nextReminderAt().ifPresent(at -> wakeups.dueBy(Wakeups.INCIDENT, at));
        return toIncident(row);
    }

    @Override
    public Optional<Incident> find(long number) {
        return incidents.findById(number).map(JdbcIncidentRepository::toIncident);
    }

    @Override
    public Optional<Incident> findByChannel(String channelId) {
        return incidents.findByChannelId(channelId).map(JdbcIncidentRepository::toIncident);
    }

    @Override
    public List<Incident> open() {
        return incidents.findOpen().stream().map(JdbcIncidentRepository::toIncident).toList();
    }

    @Override
    public List<Incident> startedBetween(Instant from, Instant until, int limit) {
        return incidents.findStartedBetween(from, until, limit).stream().map(JdbcIncidentRepository::toIncident).toList();
    }

    @Override
    public List<Incident> resolvedPage(Instant from, Instant until, Optional<Severity> severity, long beforeNumber, int limit) {
        List<IncidentRow> rows = severity.isPresent()
                ? incidents.findResolvedPageOf(from, until, severity.get().name(), beforeNumber, limit)
                : incidents.findResolvedPage(from, until, beforeNumber, limit);
        return rows.stream().map(JdbcIncidentRepository::toIncident).toList();
    }

    @Override
    public boolean claimSetup(long number, Instant now, Instant until) {
        boolean claimed = incidents.claimSetup(number, now, until) == 1;
        if (claimed) {
            wakeups.dueBy(Wakeups.INCIDENT, until); // stalled, if this set-up has not finished by then
        }
        return claimed;
    }

    @Override
    public List<Incident> stalledSetups(Instant now) {
        return incidents.findStalled(now).stream().map(JdbcIncidentRepository::toIncident).toList();
    }

    @Override
    public void setChannel(long number, String channelId, String channelName) {
        incidents.setChannel(number, channelId, channelName);
    }

    @Override
    public void setCard(long number, String ts) {
        incidents.setCard(number, ts);
    }

    @Override
    public void markStep(long number, SetupStep step, Instant at) {
        switch (step) {
            case INVITE -> incidents.markInvited(number, at);
            case PIN -> incidents.markPinned(number, at);
            case TOPIC -> incidents.markTopicSet(number, at);
            case ANNOUNCE -> incidents.markAnnounced(number, at);
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
    }

    @Override
    public void markSetupComplete(long number) {
        incidents.markSetupComplete(number);
    }

    @Override
    public void setRole(long number, IncidentRole role, String userId) {
        if (role == IncidentRole.COMMANDER) {
            incidents.setCommander(number, userId);
        } else {
            incidents.setCommunicator(number, userId);
        }
    }

    @Override
    public void setSeverity(long number, Severity severity, Optional<Instant> nextReminderAt) {
        incidents.setSeverity(number, severity.name(), nextReminderAt.orElse(null));
        nextReminderAt.ifPresent(at -> wakeups.dueBy(Wakeups.INCIDENT, at));
    }

    @Override
    public void recordUpdate(long number, IncidentStatus status, Instant at, Optional<Instant> nextReminderAt) {
        incidents.recordUpdate(number, status.name(), at, nextReminderAt.orElse(null));
        nextReminderAt.ifPresent(next -> wakeups.dueBy(Wakeups.INCIDENT, next));
    }

    @Override
    public boolean resolve(long number, Instant at, Incident.SummaryText s) {
        return incidents.resolve(number, at, s.summary(), s.affected(), s.whatHappened(), s.prevention()) == 1;
    }

    @Override
    public Optional<Instant> nextDue() {
        // Resolving clears next_reminder_at, so its index holds only open incidents' times (V21: the setup lease).
        return EarliestDue.of(dataSource, "SELECT (SELECT MIN(next_reminder_at) FROM incident WHERE status <> 'RESOLVED'), "
                + "(SELECT MIN(setup_lease_until) FROM incident WHERE setup_complete = FALSE)");
    }

    @Override
    public List<Incident> dueReminders(Instant now) {
        return incidents.findDueReminders(now).stream().map(JdbcIncidentRepository::toIncident).toList();
    }

    @Override
    public boolean claimReminder(long number, Instant due, Optional<Instant> next) {
        return incidents.claimReminder(number, due, next.orElse(null)) == 1;
    }

    @Override
    public boolean addTimeline(long number, TimelineEntry e, Optional<String> dedupKey) {
        return timeline.insertIfAbsent(number, e.at(), e.author(), e.kind().name(), e.text(),
                dedupKey.orElse(null)) == 1;
    }

    @Override
    public List<TimelineEntry> timeline(long number) {
        return timeline.findByIncident(number).stream()
                .map(r -> new TimelineEntry(r.occurredAt(), r.authorId(), TimelineEntry.Kind.valueOf(r.kind()), r.body()))
                .toList();
    }

    static Incident toIncident(IncidentRow r) {
        Set<SetupStep> done = EnumSet.noneOf(SetupStep.class);
        if (r.invitedAt() != null) done.add(SetupStep.INVITE);
        if (r.pinnedAt() != null) done.add(SetupStep.PIN);
        if (r.topicSetAt() != null) done.add(SetupStep.TOPIC);
        if (r.announcedAt() != null) done.add(SetupStep.ANNOUNCE);
        Optional<Incident.SummaryText> summary = r.resolvedAt() == null ? Optional.empty()
                : Optional.of(new Incident.SummaryText(nz(r.summaryText()), nz(r.affected()), nz(r.whatHappened()),
                nz(r.prevention())));
        return new Incident(r.id(), r.title(), Severity.valueOf(r.severity()), IncidentStatus.valueOf(r.status()),
                r.commanderId(), Optional.ofNullable(r.communicatorId()), r.declaredBy(),
                Optional.ofNullable(r.declaredIn()), r.startedAt(),
                Optional.ofNullable(r.resolvedAt()), Optional.ofNullable(r.firstUpdateAt()),
                Optional.ofNullable(r.lastUpdateAt()), Optional.ofNullable(r.nextReminderAt()),
                Optional.ofNullable(r.channelId()), Optional.ofNullable(r.channelName()),
                Optional.ofNullable(r.cardTs()), done, r.setupComplete(), summary);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
