package dev.flightdeck.incident.access;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.incident.access.AccessGrant.End;

/**
 * What one due request is owed, done once: each step first claims the row (a compare-and-set that also moves its due
 * time a lease ahead, so a replica that dies mid-call leaves it to be taken again), then asks Identity Center, then
 * writes where it got. Identity Center's calls are safe to repeat: a second creation of the same assignment changes
 * nothing, and a deletion of one that is gone answers done.
 */
@Singleton
public class AccessWork {

    private static final Logger LOG = LoggerFactory.getLogger(AccessWork.class);
    /** How long a claim holds a row while its calls run. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** How soon a pending AWS request's status is looked at again. */
    static final Duration FOLLOW = Duration.ofSeconds(5);
    /** Retries of a grant before giving up (a revocation is retried until done). */
    static final int MAX_GRANT_ATTEMPTS = 6;

    private final AccessGrantStore store;
    private final IdentityCenter identityCenter;
    private final AccessPeople people;
    private final IncidentRepository incidents;
    private final TeamConfig team;
    private final AccessRecord record;

    public AccessWork(AccessGrantStore store, IdentityCenter identityCenter, AccessPeople people,
                      IncidentRepository incidents, TeamConfig team, AccessRecord record) {
        this.store = store;
        this.identityCenter = identityCenter;
        this.people = people;
        this.incidents = incidents;
        this.team = team;
        this.record = record;
    }

    /** Does what {@code g} is owed at {@code now}; true when this call moved it. */
    boolean handle(AccessGrant g, Instant now) {
        return switch (g.state()) {
            case REQUESTED -> finish(g, g.with(AccessState.LAPSED).ending(End.NOT_DECIDED).ended(now));
            case GRANTING -> grant(g, now);
            case ACTIVE -> revokeFrom(g, now, End.EXPIRED);
            case REVOKING -> revoke(g, now);
            default -> false;
        };
    }

    /**
     * Ends what incidents already resolved still hold or wait for: the resolve's prompt is lost when the process
     * stops between the resolve and the call, and expiry alone would leave the access up to max-duration longer.
     * Returns how many requests it ended. Run once at start-up by {@link AccessJob}.
     */
    int endForResolved(Instant now) {
        int ended = 0;
        for (AccessGrant g : store.due(now.plus(Duration.ofDays(3660)), 500)) {
            if (g.endReason().isEmpty() && !incidents.find(g.incident()).map(Incident::isOpen).orElse(false)) {
                ended += end(g, now) ? 1 : 0;
            }
        }
        return ended;
    }

    /** The incident resolved: what it still holds or waits for ends now. */
    boolean end(AccessGrant g, Instant now) {
        return switch (g.state()) {
            case REQUESTED -> finish(g, g.with(AccessState.LAPSED).ending(End.RESOLVED).ended(now));
            case GRANTING -> store.move(g, g.ending(End.RESOLVED).due(Optional.of(now))).isPresent();
            case ACTIVE -> revokeFrom(g, now, End.RESOLVED);
            default -> false;
        };
    }

    private boolean grant(AccessGrant g, Instant now) {
        Optional<AccessGrant> held = claim(g, g, now);
        if (held.isEmpty()) {
            return false;
        }
        AccessGrant c = held.get();
        boolean ended = c.endReason().isPresent() || !incidents.find(c.incident()).map(Incident::isOpen).orElse(false);
        try {
            if (ended && c.awsRequestId().isEmpty()) {
                // Ended before AWS took a creation: nothing to grant. An earlier attempt may have sent one and died
                // before storing its id, so then the assignment is deleted to be sure (a missing one is fine).
                return c.attempts() > 1 && c.principalId().isPresent()
                        ? finish(c, c.with(AccessState.REVOKING).ending(End.RESOLVED).due(Optional.of(now))
                                .attempt(0, Optional.empty()))
                        : finish(c, c.with(AccessState.LAPSED).ending(End.RESOLVED).ended(now));
            }
            if (c.principalId().isEmpty()) {
                Optional<String> user = user(c.requester());
                if (user.isEmpty()) {
                    return finish(c, c.with(AccessState.FAILED).ending(End.NO_USER).ended(now));
                }
                c = store.move(c, c.principal(user.get())).orElse(null);
                if (c == null) {
                    return false;
                }
            }
            IdentityCenter.Progress p = c.awsRequestId().isPresent()
                    ? identityCenter.creationStatus(c.instanceArn(), c.awsRequestId().get())
                    : identityCenter.create(c.assignment());
            return switch (p.status()) {
                case SUCCEEDED -> {
                    AccessGrant active = c.with(AccessState.ACTIVE).granted(now);
                    if (c.endReason().isPresent() || ended) {
                        yield finish(c, c.granted(now).with(AccessState.REVOKING).ending(End.RESOLVED)
                                .due(Optional.of(now)).attempt(0, Optional.empty()));
                    }
                    yield finish(c, active.due(active.expiresAt()));
                }
                case IN_PROGRESS -> store.move(c, c.following(p.requestId()).due(Optional.of(now.plus(FOLLOW))))
                        .isPresent();
                case FAILED -> finish(c, c.with(AccessState.FAILED).attempt(c.attempts(), p.failure())
                        .ending(End.AWS_FAILED).ended(now));
            };
        } catch (RuntimeException e) {
            LOG.warn("access request #{}: granting failed for now ({}); attempt {}", c.id(), e.getClass().getSimpleName(),
                    c.attempts());
            if (c.attempts() >= MAX_GRANT_ATTEMPTS) {
                // A creation may have landed before the error: undo it rather than leave it standing unrecorded.
                return c.principalId().isEmpty()
                        ? finish(c, c.with(AccessState.FAILED).ending(End.GAVE_UP).ended(now))
                        : finish(c, c.with(AccessState.REVOKING).ending(End.GAVE_UP).following(Optional.empty())
                                .due(Optional.of(now)).attempt(0, Optional.empty()));
            }
            return store.move(c, c.due(Optional.of(now.plus(backoff(c.attempts())))).attempt(c.attempts(),
                    Optional.of(e.getClass().getSimpleName()))).isPresent();
        }
    }

    private boolean revokeFrom(AccessGrant g, Instant now, End why) {
        AccessGrant to = g.with(AccessState.REVOKING).ending(why).following(Optional.empty()).due(Optional.of(now))
                .attempt(0, Optional.empty());
        Optional<AccessGrant> moved = store.move(g, AccessTransitions.check(g, to));
        if (moved.isEmpty()) {
            return false;
        }
        revoke(moved.get(), now);
        return true;
    }

    private boolean revoke(AccessGrant g, Instant now) {
        Optional<AccessGrant> held = claim(g, g, now);
        if (held.isEmpty()) {
            return false;
        }
        AccessGrant c = held.get();
        try {
            IdentityCenter.Progress p = c.principalId().isEmpty() ? IdentityCenter.Progress.done()
                    : c.awsRequestId().isPresent() ? identityCenter.deletionStatus(c.instanceArn(), c.awsRequestId().get())
                    : identityCenter.delete(c.assignment());
            return switch (p.status()) {
                case SUCCEEDED -> finish(c, c.with(AccessState.REVOKED).following(Optional.empty()).ended(now));
                case IN_PROGRESS -> store.move(c, c.following(p.requestId()).due(Optional.of(now.plus(FOLLOW))))
                        .isPresent();
                // Never given up: the deletion is asked again, with backoff, until AWS says it is done.
                case FAILED -> store.move(c, c.following(Optional.empty()).attempt(c.attempts(), p.failure())
                        .due(Optional.of(now.plus(backoff(c.attempts()))))).isPresent();
            };
        } catch (RuntimeException e) {
            LOG.warn("access request #{}: revoking failed for now ({}); attempt {}", c.id(), e.getClass().getSimpleName(),
                    c.attempts());
            return store.move(c, c.due(Optional.of(now.plus(backoff(c.attempts())))).attempt(c.attempts(),
                    Optional.of(e.getClass().getSimpleName()))).isPresent();
        }
    }

    /** The row, claimed: one more attempt counted, due again a lease from now. Empty: another run holds it. */
    private Optional<AccessGrant> claim(AccessGrant from, AccessGrant to, Instant now) {
        return store.move(from, to.due(Optional.of(now.plus(LEASE))).attempt(to.attempts() + 1, to.lastError()));
    }

    /** A move to a state of its own: stored, then recorded and told once. */
    private boolean finish(AccessGrant from, AccessGrant to) {
        Optional<AccessGrant> moved = store.move(from, AccessTransitions.check(from, to));
        moved.ifPresent(m -> record.moved(m, "flightdeck"));
        return moved.isPresent();
    }

    /** The Identity Center user of a chat user: their chat e-mail, then the names {@code people:} maps to them. */
    private Optional<String> user(String requester) {
        Set<String> names = new LinkedHashSet<>();
        people.email(requester).ifPresent(names::add);
        List<String> mapped = new ArrayList<>();
        for (Map.Entry<String, String> e : team.people().entrySet()) {
            if (e.getValue().equals(requester)) {
                mapped.add(e.getKey());
            }
        }
        names.addAll(mapped);
        String store = team.incidents().access().map(AccessConfig::identityStoreId).orElse(null);
        if (store == null) {
            return Optional.empty();
        }
        for (String name : names) {
            Optional<String> id = identityCenter.userId(store, name);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** 30 s, 1 m, 2 m, … at most 15 m. */
    static Duration backoff(int attempts) {
        long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, 900));
    }
}
