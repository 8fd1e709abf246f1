package dev.flightdeck.incident.fakes;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.SetupStep;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@link IncidentRepository} in memory, with the database's conditions: a resolved incident takes no more changes,
 * a channel is set once, a set-up lease and a reminder are claimed only by the first caller, a timeline entry with a
 * dedup key lands once. Thread-safe.
 */
public final class InMemoryIncidentRepository implements IncidentRepository {

    private final Map<Long, Incident> incidents = new TreeMap<>();
    private final Map<Long, Instant> setupLeases = new TreeMap<>();
    private final Map<Long, List<TimelineEntry>> timelines = new TreeMap<>();
    private final Set<String> dedupKeys = new HashSet<>();
    private long lastNumber;

    @Override
    public synchronized Incident create(NewIncident n) {
        long number = ++lastNumber;
        Incident incident = new Incident(number, n.title(), n.severity(), IncidentStatus.INVESTIGATING, n.declaredBy(),
                Optional.empty(), n.declaredBy(), Optional.ofNullable(n.declaredIn()), n.startedAt(), Optional.empty(),
                Optional.empty(), Optional.empty(), n.nextReminderAt(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), false, Optional.empty());
        incidents.put(number, incident);
        return incident;
    }

    @Override
    public synchronized Optional<Incident> find(long number) {
        return Optional.ofNullable(incidents.get(number));
    }

    @Override
    public synchronized Optional<Incident> findByChannel(String channelId) {
        return incidents.values().stream().filter(i -> i.channelId().equals(Optional.of(channelId))).findFirst();
    }

    @Override
    public synchronized List<Incident> open() {
        return incidents.values().stream().filter(Incident::isOpen).toList();
    }

    @Override
    public synchronized List<Incident> startedBetween(Instant from, Instant until, int limit) {
        return incidents.values().stream()
                .filter(i -> !i.startedAt().isBefore(from) && i.startedAt().isBefore(until))
                .sorted(Comparator.comparingLong(Incident::number).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<Incident> resolvedPage(Instant from, Instant until, Optional<Severity> severity,
                                                    long beforeNumber, int limit) {
        return startedBetween(from, until, Integer.MAX_VALUE).stream().filter(i -> !i.isOpen())
                .filter(i -> severity.map(s -> s == i.severity()).orElse(true) && i.number() < beforeNumber)
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean claimSetup(long number, Instant now, Instant until) {
        Incident i = incidents.get(number);
        Instant lease = setupLeases.get(number);
        if (i == null || i.setupComplete() || (lease != null && lease.isAfter(now))) {
            return false;
        }
        setupLeases.put(number, until);
        return true;
    }

    @Override
    public synchronized List<Incident> stalledSetups(Instant now) {
        return incidents.values().stream().filter(i -> !i.setupComplete() && setupLeases.containsKey(i.number())
                && !setupLeases.get(i.number()).isAfter(now)).toList();
    }

    @Override
    public synchronized void setChannel(long number, String channelId, String channelName) {
        change(number, i -> i.channelId().isPresent() ? i : with(i, b -> {
            b.channelId = Optional.of(channelId);
            b.channelName = Optional.of(channelName);
        }));
    }

    @Override
    public synchronized void setCard(long number, String ts) {
        change(number, i -> with(i, b -> b.cardTs = Optional.of(ts)));
    }

    @Override
    public synchronized void markStep(long number, SetupStep step, Instant at) {
        change(number, i -> with(i, b -> b.stepsDone.add(step)));
    }

    @Override
    public synchronized void markSetupComplete(long number) {
        setupLeases.remove(number);
        change(number, i -> with(i, b -> b.setupComplete = true));
    }

    @Override
    public synchronized void setRole(long number, IncidentRole role, String userId) {
        change(number, i -> with(i, b -> {
            if (role == IncidentRole.COMMANDER) {
                b.commanderId = userId;
            } else {
                b.communicatorId = Optional.of(userId);
            }
        }));
    }

    @Override
    public synchronized void setSeverity(long number, Severity severity, Optional<Instant> nextReminderAt) {
        change(number, i -> !i.isOpen() ? i : with(i, b -> {
            b.severity = severity;
            b.nextReminderAt = nextReminderAt;
        }));
    }

    @Override
    public synchronized void recordUpdate(long number, IncidentStatus status, Instant at,
                                          Optional<Instant> nextReminderAt) {
        change(number, i -> !i.isOpen() ? i : with(i, b -> {
            b.status = status;
            b.lastUpdateAt = Optional.of(at);
            b.firstUpdateAt = b.firstUpdateAt.or(() -> Optional.of(at));
            b.nextReminderAt = nextReminderAt;
        }));
    }

    @Override
    public synchronized boolean resolve(long number, Instant at, Incident.SummaryText summary) {
        Incident i = incidents.get(number);
        if (i == null || !i.isOpen()) {
            return false;
        }
        change(number, x -> with(x, b -> {
            b.status = IncidentStatus.RESOLVED;
            b.resolvedAt = Optional.of(at);
            b.nextReminderAt = Optional.empty();
            b.summary = Optional.of(summary);
        }));
        return true;
    }

    @Override
    public synchronized List<Incident> dueReminders(Instant now) {
        return incidents.values().stream().filter(i -> i.isOpen() && i.nextReminderAt().isPresent()
                        && !i.nextReminderAt().get().isAfter(now))
                .sorted(Comparator.comparing((Incident i) -> i.nextReminderAt().get()).thenComparing(Incident::number))
                .toList();
    }

    @Override
    public synchronized boolean claimReminder(long number, Instant due, Optional<Instant> next) {
        Incident i = incidents.get(number);
        if (i == null || !i.nextReminderAt().equals(Optional.of(due))) {
            return false;
        }
        change(number, x -> with(x, b -> b.nextReminderAt = next));
        return true;
    }

    @Override
    public synchronized boolean addTimeline(long number, TimelineEntry entry, Optional<String> dedupKey) {
        if (dedupKey.isPresent() && !dedupKeys.add(number + "/" + dedupKey.get())) {
            return false;
        }
        timelines.computeIfAbsent(number, n -> new ArrayList<>()).add(entry);
        return true;
    }

    @Override
    public synchronized List<TimelineEntry> timeline(long number) {
        return timelines.getOrDefault(number, List.of()).stream()
                .sorted(Comparator.comparing(TimelineEntry::at)).toList();
    }

    private void change(long number, UnaryOperator<Incident> how) {
        incidents.computeIfPresent(number, (n, i) -> how.apply(i));
    }

    /** A copy of the stored incident with some fields changed, as an UPDATE of those columns would leave it. */
    private static Incident with(Incident i, java.util.function.Consumer<Fields> edit) {
        Fields b = new Fields(i);
        edit.accept(b);
        return new Incident(i.number(), i.title(), b.severity, b.status, b.commanderId, b.communicatorId,
                i.declaredBy(), i.declaredIn(), i.startedAt(), b.resolvedAt, b.firstUpdateAt, b.lastUpdateAt,
                b.nextReminderAt, b.channelId, b.channelName, b.cardTs, b.stepsDone, b.setupComplete, b.summary);
    }

    private static final class Fields {
        Severity severity;
        IncidentStatus status;
        String commanderId;
        Optional<String> communicatorId;
        Optional<Instant> resolvedAt;
        Optional<Instant> firstUpdateAt;
        Optional<Instant> lastUpdateAt;
        Optional<Instant> nextReminderAt;
        Optional<String> channelId;
        Optional<String> channelName;
        Optional<String> cardTs;
        Set<SetupStep> stepsDone;
        boolean setupComplete;
        Optional<Incident.SummaryText> summary;

        Fields(Incident i) {
            severity = i.severity();
            status = i.status();
            commanderId = i.commanderId();
            communicatorId = i.communicatorId();
            resolvedAt = i.resolvedAt();
            firstUpdateAt = i.firstUpdateAt();
            lastUpdateAt = i.lastUpdateAt();
            nextReminderAt = i.nextReminderAt();
            channelId = i.channelId();
            channelName = i.channelName();
            cardTs = i.cardTs();
            stepsDone = i.stepsDone().isEmpty() ? EnumSet.noneOf(SetupStep.class) : EnumSet.copyOf(i.stepsDone());
            setupComplete = i.setupComplete();
            summary = i.summary();
        }
    }
}
