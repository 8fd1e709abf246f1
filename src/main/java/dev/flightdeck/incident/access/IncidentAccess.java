package dev.flightdeck.incident.access;

import dev.flightdeck.deploy.ApproverDirectory;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.wake.Wakeups;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Break-glass access during an incident (DESIGN section 14): ask, list, and decide. Asking checks everything that can
 * be refused at once (an open incident, a known permission set, at most max-duration) and stores the request; a
 * decision is one compare-and-set on it. What AWS is asked, and when, is {@link AccessJob}'s.
 */
@Singleton
public class IncidentAccess {

    /** A request given no duration asks for this (or max-duration, when that is shorter). */
    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);

    private final IncidentService incidents;
    private final TeamConfig team;
    private final AccessGrantStore store;
    private final ApproverDirectory directory;
    private final AccessRecord record;
    private final AccessNews news;
    private final Wakeups wakeups;
    private final Clock clock;

    public IncidentAccess(IncidentService incidents, TeamConfig team, AccessGrantStore store, ApproverDirectory directory,
                          AccessRecord record, AccessNews news, Wakeups wakeups, Clock clock) {
        this.incidents = incidents;
        this.team = team;
        this.store = store;
        this.directory = directory;
        this.record = record;
        this.news = news;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    public Optional<AccessConfig> config() {
        return team.incidents().access();
    }

    public AccessOutcome request(Optional<String> id, String channelId, String requester, String permissionSet,
                                 Optional<Duration> duration, String reason) {
        Optional<AccessConfig> config = config();
        if (config.isEmpty()) {
            return new AccessOutcome.NotConfigured();
        }
        AccessConfig c = config.get();
        IncidentResult found = incidents.lookUp(id, channelId);
        if (!(found instanceof IncidentResult.Found f)) {
            return new AccessOutcome.NoIncident(found);
        }
        if (!f.incident().isOpen()) {
            return new AccessOutcome.NoIncident(new IncidentResult.IsResolved(f.incident()));
        }
        Optional<String> arn = c.permissionSetArn(permissionSet);
        if (arn.isEmpty()) {
            return new AccessOutcome.UnknownSet(permissionSet, List.copyOf(c.permissionSets().keySet()));
        }
        String name = c.permissionSets().keySet().stream().filter(k -> k.equalsIgnoreCase(permissionSet)).findFirst()
                .orElse(permissionSet);
        Duration asked = duration.orElse(DEFAULT_DURATION.compareTo(c.maxDuration()) < 0 ? DEFAULT_DURATION
                : c.maxDuration());
        if (asked.compareTo(c.maxDuration()) > 0) {
            return new AccessOutcome.TooLong(asked, c.maxDuration());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Unanswered for as long as the access itself could last, the request lapses: nobody is granted hours late.
        AccessGrant grant = store.create(new AccessGrant.New(f.incident().number(), requester, name, arn.get(),
                c.instanceArn(), c.account(), asked, reason, now, now.plus(c.maxDuration())));
        record.moved(grant, requester);
        news.requested(grant, f.incident(), c.approvers(), commanderMay(c, f.incident()));
        wakeups.dueBy(AccessJob.TOPIC, grant.dueAt().orElse(now));
        return new AccessOutcome.Requested(grant, f.incident());
    }

    /** The incident's live requests. */
    public AccessOutcome live(Optional<String> id, String channelId) {
        if (config().isEmpty()) {
            return new AccessOutcome.NotConfigured();
        }
        IncidentResult found = incidents.lookUp(id, channelId);
        if (!(found instanceof IncidentResult.Found f)) {
            return new AccessOutcome.NoIncident(found);
        }
        return new AccessOutcome.Live(f.incident(), store.ofIncident(f.incident().number()).stream()
                .filter(g -> !g.state().isFinal()).toList());
    }

    /** Grant ({@code grant}) or Deny clicked by {@code actor} on request {@code requestId}. */
    public AccessOutcome decide(long requestId, String actor, boolean grant) {
        Optional<AccessGrant> found = store.find(requestId);
        if (found.isEmpty()) {
            return new AccessOutcome.NoSuchRequest(requestId);
        }
        AccessGrant g = found.get();
        if (g.state() != AccessState.REQUESTED) {
            return new AccessOutcome.AlreadyDecided(g);
        }
        AccessConfig c = config().orElse(null);
        Optional<Incident> incident = incidents.find(g.incident());
        if (c == null || incident.isEmpty()) {
            return new AccessOutcome.NoSuchRequest(requestId);
        }
        if (!incident.get().isOpen()) {
            return new AccessOutcome.NoIncident(new IncidentResult.IsResolved(incident.get()));
        }
        try {
            if (!mayDecide(c, incident.get(), actor)) {
                return new AccessOutcome.NotAllowed(g, c.approvers(), commanderMay(c, incident.get()));
            }
        } catch (ApproverDirectory.DirectoryUnavailable e) {
            return new AccessOutcome.DirectoryDown(e.getMessage());
        }
        if (grant && actor.equals(g.requester())) {
            return new AccessOutcome.OwnRequest(g);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AccessGrant to = grant ? g.with(AccessState.GRANTING).decided(actor).due(Optional.of(now))
                : g.with(AccessState.DENIED).decided(actor).ending(AccessGrant.End.DENIED).ended(now);
        Optional<AccessGrant> moved = store.move(g, AccessTransitions.check(g, to));
        if (moved.isEmpty()) {
            return new AccessOutcome.AlreadyDecided(store.find(requestId).orElse(g));
        }
        record.moved(moved.get(), actor);
        if (grant) {
            wakeups.dueBy(AccessJob.TOPIC, now);
            return new AccessOutcome.Granting(moved.get());
        }
        return new AccessOutcome.Denied(moved.get());
    }

    private boolean mayDecide(AccessConfig c, Incident incident, String actor) {
        if (commanderMay(c, incident) && incident.commanderId().equals(actor)) {
            return true;
        }
        for (ApproverRef ref : c.approvers()) {
            if (ref instanceof ApproverRef.User u && u.userId().equals(actor)) {
                return true;
            }
        }
        for (ApproverRef ref : c.approvers()) {
            if (ref instanceof ApproverRef.Group group && directory.members(group.handle()).contains(actor)) {
                return true;
            }
        }
        return false;
    }

    static boolean commanderMay(AccessConfig c, Incident incident) {
        return c.commanderGrants() && incident.severity() == Severity.SEV1;
    }
}
