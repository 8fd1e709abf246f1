package dev.flightdeck.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which audit events to read. Start from {@link #newestFirst(int)} or {@link #oldestFirst(int)} and narrow:
 * {@code AuditQuery.newestFirst(50).ofTypes("deploy.approved").by("U123").between(from, to)}.
 *
 * @param types  event types to include; empty means all types
 * @param actor  only events by this actor, when present
 * @param from   inclusive lower bound on occurredAt, when present
 * @param until  exclusive upper bound on occurredAt, when present
 * @param order  newest or oldest first; events at the same instant keep the order they were appended in
 * @param limit  at most this many events, 1..{@value #MAX_LIMIT}
 */
public record AuditQuery(Set<String> types,
                         Optional<String> actor,
                         Optional<Instant> from,
                         Optional<Instant> until,
                         Order order,
                         int limit) {

    public static final int MAX_LIMIT = 10_000;

    public enum Order { NEWEST_FIRST, OLDEST_FIRST }

    public AuditQuery {
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            throw new IllegalArgumentException("until " + until.get() + " is before from " + from.get());
        }
    }

    public static AuditQuery newestFirst(int limit) {
        return new AuditQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Order.NEWEST_FIRST, limit);
    }

    public static AuditQuery oldestFirst(int limit) {
        return new AuditQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Order.OLDEST_FIRST, limit);
    }

    public AuditQuery ofTypes(String... typeNames) {
        return new AuditQuery(Set.of(typeNames), actor, from, until, order, limit);
    }

    public AuditQuery by(String actorId) {
        return new AuditQuery(types, Optional.of(actorId), from, until, order, limit);
    }

    /** Events with {@code from <= occurredAt < until}. */
    public AuditQuery between(Instant fromInclusive, Instant untilExclusive) {
        return new AuditQuery(types, actor, Optional.of(fromInclusive), Optional.of(untilExclusive), order, limit);
    }

    public AuditQuery since(Instant fromInclusive) {
        return new AuditQuery(types, actor, Optional.of(fromInclusive), until, order, limit);
    }

    public AuditQuery before(Instant untilExclusive) {
        return new AuditQuery(types, actor, from, Optional.of(untilExclusive), order, limit);
    }

    /** True if the event passes every filter (ignores order and limit); in-memory logs use it. */
    public boolean matches(AuditEvent event) {
        return (types.isEmpty() || types.contains(event.type()))
                && actor.map(a -> a.equals(event.actor())).orElse(true)
                && from.map(f -> !event.occurredAt().isBefore(f)).orElse(true)
                && until.map(u -> event.occurredAt().isBefore(u)).orElse(true);
    }
}
