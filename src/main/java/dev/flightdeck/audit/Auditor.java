package dev.flightdeck.audit;

import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Records audit events: the one place that stamps event id, time, trace id and schema version, so callers
 * only say what happened, who did it, and the details.
 */
public final class Auditor {

    /** SLF4J MDC key under which the request's trace id is kept. */
    public static final String TRACE_ID_MDC_KEY = "traceId";

    private final AuditLog log;
    private final AuditPayloadEncoder encoder;
    private final Clock clock;

    public Auditor(AuditLog log, AuditPayloadEncoder encoder, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records an event that happens once (a fresh random event id). */
    public AuditEvent record(AuditType type, String actor, Map<String, ?> payload) {
        return append(UUID.randomUUID(), type, actor, payload);
    }

    /**
     * Records an event that may be reported more than once, e.g. a Slack interaction Slack retries or a job
     * several replicas run: the id is derived from type and {@code naturalKey}, so a repeat stores nothing new.
     * The returned event is the one offered; if a twin was already stored, the stored one is kept.
     */
    public AuditEvent recordOnce(AuditType type, String actor, String naturalKey, Map<String, ?> payload) {
        return append(AuditEvent.idFor(type.name(), naturalKey), type, actor, payload);
    }

    /**
     * As {@link #recordOnce}, and says whether this call stored it: false means an earlier attempt (this process or
     * another replica, perhaps one that stopped since) got as far as recording it.
     */
    public boolean recordFirst(AuditType type, String actor, String naturalKey, Map<String, ?> payload) {
        return log.append(event(AuditEvent.idFor(type.name(), naturalKey), type, actor, payload));
    }

    private AuditEvent append(UUID eventId, AuditType type, String actor, Map<String, ?> payload) {
        AuditEvent event = event(eventId, type, actor, payload);
        log.append(event);
        return event;
    }

    private AuditEvent event(UUID eventId, AuditType type, String actor, Map<String, ?> payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        return new AuditEvent(eventId, type.name(), type.schemaVersion(), actor, now(), currentTraceId(),
                encoder.encode(canonicalPayload(payload)));
    }

    // PostgreSQL keeps microseconds; truncating here makes what we return equal what we read back later.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Optional<String> currentTraceId() {
        String traceId = MDC.get(TRACE_ID_MDC_KEY);
        if (traceId == null || traceId.isBlank()) {
            return Optional.empty();
        }
        // A trace id is an opaque correlation key; cut rather than lose the event over an odd header.
        return Optional.of(traceId.length() > AuditEvent.MAX_TRACE_ID_LENGTH
                ? traceId.substring(0, AuditEvent.MAX_TRACE_ID_LENGTH) : traceId);
    }

    /** Sorted keys at every level, so the same details always produce the same JSON text. */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> canonicalPayload(Map<String, ?> payload) {
        return (Map<String, ?>) canonical((Object) payload);
    }
}
