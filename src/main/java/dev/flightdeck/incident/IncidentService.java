package dev.flightdeck.incident;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The incident use cases. Each one changes the record (database, timeline, audit) before it returns, so the
 * Slack ack can say what happened. Messages that tell of one change (an update, a severity line) are queued before
 * it returns, rendered from that change, so they keep its words and its order; what shows the current state (card,
 * topic, DMs) runs on an executor and reads the incident afresh, so the latest state wins when changes race.
 */
@Singleton
public class IncidentService {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);
    static final String NOT_HERE = "This is not an incident channel. Name the incident, e.g. `INC-12`, or run the "
            + "command in the incident's channel. `/incident list` shows the open ones.";

    /**
     * Incident work after the ack (channel set-up, posts, card updates) runs on this fixed pool, not the shared
     * unbounded IO pool: at 20 declarations/s that pool grew to 160+ threads (measured with JFR), each with its stack,
     * and their Slack calls competed with the acks for the CPU. Work here never waits on other work in this pool.
     */
    public static final String AFTER_ACK_EXECUTOR = "incident-after-ack";

    private final IncidentRepository repository;
    private final IncidentChannels channels;
    private final IncidentSetup setup;
    private final Auditor auditor;
    private final Clock clock;
    private final TeamConfig config;
    private final Executor executor;
    private final FreezeLiftPolicy freezeLifts;
    private final Map<Long, Object> slackLocks = new ConcurrentHashMap<>();

    @Inject
    public IncidentService(IncidentRepository repository, IncidentChannels channels, IncidentSetup setup,
                           Auditor auditor, Clock clock, TeamConfig config,
                           @Named(AFTER_ACK_EXECUTOR) ExecutorService executor, FreezeLiftPolicy freezeLifts) {
        this(repository, channels, setup, auditor, clock, config, (Executor) executor, freezeLifts);
    }

    IncidentService(IncidentRepository repository, IncidentChannels channels, IncidentSetup setup, Auditor auditor,
                    Clock clock, TeamConfig config, Executor executor, FreezeLiftPolicy freezeLifts) {
        this.repository = repository;
        this.channels = channels;
        this.setup = setup;
        this.auditor = auditor;
        this.clock = clock;
        this.config = config;
        this.executor = executor;
        this.freezeLifts = freezeLifts;
    }

    // ---- declare

    public IncidentResult declare(String title, Severity severity, String userId, String channelId) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return new IncidentResult.Refused("An incident needs a title: `/incident declare Checkout returns 500s sev2`.");
        }
        Instant now = now();
        Incident incident = repository.create(new IncidentRepository.NewIncident(t, severity, userId, channelId, now,
                nextReminder(severity, now)));
        long n = incident.number();
        repository.addTimeline(n, new TimelineEntry(now, userId, TimelineEntry.Kind.DECLARED,
                "Declared " + severity.label() + ": " + t), Optional.empty());
        auditor.record(IncidentEvents.DECLARED, userId, Map.of("incident", incident.id(), "title", t,
                "severity", severity.label(), "commander", userId));
        executor.execute(() -> setup.runFirst(n));
        return new IncidentResult.Done(incident, "Declaring " + incident.id() + " (" + severity.label() + "): "
                + Mrkdwn.escape(t) + ". Its channel is being created; you are the commander and will be invited.");
    }

    // ---- roles

    public IncidentResult assignRole(Optional<String> id, String channelId, IncidentRole role, String userId,
                                     String actor) {
        return withOpen(id, channelId, incident -> {
            Optional<String> previous = incident.holder(role);
            if (previous.isPresent() && previous.get().equals(userId)) {
                return new IncidentResult.Refused("<@" + userId + "> is already the " + role.label() + " of "
                        + incident.id() + ".");
            }
            repository.setRole(incident.number(), role, userId);
            String line = previous.map(p -> "<@" + userId + "> took over as " + role.label() + " from <@" + p + ">")
                    .orElse("<@" + userId + "> is the " + role.label());
            repository.addTimeline(incident.number(), new TimelineEntry(now(), actor, TimelineEntry.Kind.ROLE, line),
                    Optional.empty());
            auditor.record(IncidentEvents.ROLE_ASSIGNED, actor, Map.of("incident", incident.id(),
                    "role", role.label(), "user", userId, "previous", previous.orElse("")));
            afterwards(incident.number(), fresh -> steps(incident.number(),
                    () -> fresh.channelId().ifPresent(c -> channels.invite(c, List.of(userId))),
                    () -> channels.briefRole(fresh, role, userId),
                    () -> channels.post(fresh, line + " (set by <@" + actor + ">)."),
                    () -> channels.updateCard(fresh),
                    () -> channels.setTopic(fresh)));
            return new IncidentResult.Done(incident, line + " on " + incident.id() + ".");
        });
    }

    // ---- updates, severity, notes

    public IncidentResult update(Optional<String> id, String channelId, Optional<IncidentStatus> status, String text,
                                 String actor) {
        return withOpen(id, channelId, incident -> {
            IncidentStatus target = status.orElse(incident.status());
            if (!target.isOpen() || !incident.status().canMoveTo(target)) {
                return new IncidentResult.Refused("An update cannot move " + incident.id() + " from "
                        + incident.status().label() + " to " + target.label() + ".");
            }
            Instant now = now();
            repository.recordUpdate(incident.number(), target, now, nextReminder(incident.severity(), now));
            if (target != incident.status()) {
                repository.addTimeline(incident.number(), new TimelineEntry(now, actor, TimelineEntry.Kind.STATUS,
                        "Status " + incident.status().label() + " → " + target.label()), Optional.empty());
            }
            repository.addTimeline(incident.number(), new TimelineEntry(now, actor, TimelineEntry.Kind.UPDATE, text),
                    Optional.empty());
            auditor.record(IncidentEvents.UPDATED, actor, Map.of("incident", incident.id(), "status", target.label(),
                    "previousStatus", incident.status().label(), "text", text));
            // The update is queued now, rendered from this change: two updates sent back to back arrive in the
            // order they were made, each under its own status (a re-read at send time would show the later one twice).
            steps(incident.number(), () -> channels.postUpdate(incident.withStatus(target), text, actor));
            afterwards(incident.number(), fresh -> steps(incident.number(), () -> channels.updateCard(fresh)));
            return new IncidentResult.Done(incident, "Update posted for " + incident.id() + " ("
                    + incident.severity().label() + ", " + target.label() + ").");
        });
    }

    public IncidentResult changeSeverity(Optional<String> id, String channelId, Severity severity, String actor) {
        return withOpen(id, channelId, incident -> {
            Severity before = incident.severity();
            if (before == severity) {
                return new IncidentResult.Refused(incident.id() + " is already " + severity.label() + ".");
            }
            if (freezeLifts.check(incident, Optional.of(severity), actor) instanceof FreezeLiftPolicy.Rejected no) {
                return new IncidentResult.NotAllowed(no);
            }
            repository.setSeverity(incident.number(), severity, nextReminder(severity, incident.lastHeardAt()));
            String line = "Severity " + before.label() + " → " + severity.label();
            repository.addTimeline(incident.number(), new TimelineEntry(now(), actor, TimelineEntry.Kind.SEVERITY, line),
                    Optional.empty());
            auditor.record(IncidentEvents.SEVERITY_CHANGED, actor, Map.of("incident", incident.id(),
                    "from", before.label(), "to", severity.label()));
            boolean raised = severity.isAtLeast(before);
            steps(incident.number(), () -> channels.post(incident, line + " (by <@" + actor + ">)."));
            afterwards(incident.number(), fresh -> steps(incident.number(),
                    () -> channels.updateCard(fresh),
                    () -> channels.setTopic(fresh),
                    () -> {
                        if (raised) {
                            channels.announce(fresh, "raised to " + severity.label());
                        }
                    }));
            return new IncidentResult.Done(incident, incident.id() + ": " + line + (raised ? ", re-announced." : "."));
        });
    }

    public IncidentResult note(Optional<String> id, String channelId, String text, String actor) {
        return withOpen(id, channelId, incident -> {
            repository.addTimeline(incident.number(), new TimelineEntry(now(), actor, TimelineEntry.Kind.NOTE, text),
                    Optional.empty());
            auditor.record(IncidentEvents.NOTE_ADDED, actor, Map.of("incident", incident.id(), "text", text));
            return new IncidentResult.Done(incident, "Added to " + incident.id() + "'s timeline.");
        });
    }

    // ---- reading

    /** The incident a command means: the one named, or the one whose channel it was typed in. */
    public IncidentResult lookUp(Optional<String> id, String channelId) {
        Optional<Incident> incident;
        if (id.isPresent()) {
            incident = Incident.numberOf(id.get()).flatMap(repository::find);
            if (incident.isEmpty()) {
                return new IncidentResult.Refused(id.get() + " does not exist. `/incident list` shows the open incidents.");
            }
        } else {
            incident = channelId == null ? Optional.empty() : repository.findByChannel(channelId);
            if (incident.isEmpty()) {
                return new IncidentResult.Refused(NOT_HERE);
            }
        }
        return new IncidentResult.Done(incident.get(), "");
    }

    public Optional<Incident> find(long number) {
        return repository.find(number);
    }

    public List<Incident> open() {
        return repository.open();
    }

    public List<TimelineEntry> timeline(long number) {
        return repository.timeline(number);
    }

    IncidentResult withOpen(Optional<String> id, String channelId, Function<Incident, IncidentResult> change) {
        IncidentResult found = lookUp(id, channelId);
        if (found instanceof IncidentResult.Done done) {
            Incident incident = done.incident();
            if (!incident.isOpen()) {
                return new IncidentResult.Refused(incident.id() + " is resolved; `/incident summary " + incident.id()
                        + "` shows its summary.");
            }
            return change.apply(incident);
        }
        return found;
    }

    Optional<Instant> nextReminder(Severity severity, Instant from) {
        return config.incidents().updateEvery(severity).map(from::plus);
    }

    /**
     * Runs after the ack. One incident's Slack work runs one task at a time, each reading the incident when it
     * starts: the card and topic written last always show the latest state, whatever order the tasks start in.
     */
    void afterwards(long number, Consumer<Incident> action) {
        executor.execute(() -> {
            synchronized (slackLocks.computeIfAbsent(number, n -> new Object())) {
                try {
                    repository.find(number).ifPresent(action);
                } catch (RuntimeException e) {
                    LOG.warn("Showing a change of INC-{} in Slack failed; the record has it: {}", number, e.toString());
                }
            }
        });
    }

    /** Runs each step even when one before it failed: a failed invite must not also lose the card update. */
    static void steps(long number, Runnable... steps) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("A Slack step for INC-{} failed; the record has the change: {}", number, e.toString());
            }
        }
    }

    // PostgreSQL keeps microseconds: truncating keeps what we compare equal to what we read back.
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
