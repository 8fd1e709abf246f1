package dev.flightdeck.incident.access;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link AccessGrantStore} in memory, with the JDBC store's compare-and-set on the version. */
final class InMemoryAccessStore implements AccessGrantStore {

    private final Map<Long, AccessGrant> rows = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public AccessGrant create(AccessGrant.New r) {
        long id = ids.incrementAndGet();
        AccessGrant g = new AccessGrant(id, r.incident(), r.requester(), r.permissionSet(), r.permissionSetArn(),
                r.instanceArn(), r.account(), r.duration(), r.reason(), AccessState.REQUESTED, 1, r.requestedAt(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(r.decideBy()), 0, Optional.empty(), Optional.empty(), Optional.empty());
        rows.put(id, g);
        return g;
    }

    @Override
    public Optional<AccessGrant> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public List<AccessGrant> ofIncident(long incident) {
        return rows.values().stream().filter(g -> g.incident() == incident).sorted(Comparator.comparing(AccessGrant::id))
                .toList();
    }

    @Override
    public synchronized Optional<AccessGrant> move(AccessGrant from, AccessGrant to) {
        AccessGrant now = rows.get(from.id());
        if (now == null || now.version() != from.version()) {
            return Optional.empty();
        }
        AccessGrant next = new AccessGrant(to.id(), to.incident(), to.requester(), to.permissionSet(),
                to.permissionSetArn(), to.instanceArn(), to.account(), to.duration(), to.reason(), to.state(),
                from.version() + 1, to.requestedAt(), to.decidedBy(), to.principalId(), to.awsRequestId(),
                to.grantedAt(), to.expiresAt(), to.state().isFinal() ? Optional.empty() : to.dueAt(), to.attempts(),
                to.lastError(), to.endReason(), to.endedAt());
        rows.put(from.id(), next);
        return Optional.of(next);
    }

    @Override
    public List<AccessGrant> due(Instant now, int limit) {
        return rows.values().stream().filter(g -> g.dueAt().isPresent() && !g.dueAt().get().isAfter(now))
                .sorted(Comparator.comparing((AccessGrant g) -> g.dueAt().get()).thenComparing(AccessGrant::id))
                .limit(limit).toList();
    }

    @Override
    public Optional<Instant> nextDue() {
        return rows.values().stream().flatMap(g -> g.dueAt().stream()).min(Comparator.naturalOrder());
    }
}
