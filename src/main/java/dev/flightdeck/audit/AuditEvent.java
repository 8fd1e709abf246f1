package dev.flightdeck.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One decision or state change, as stored forever. Never updated or deleted: the trail is evidence of who decided what.
 *
 * @param eventId       identity of the event; appending the same id twice stores it once
 * @param type          what happened, dotted lower case, e.g. {@code deploy.approved}
 * @param schemaVersion version of the payload's shape for this type, starting at 1
 * @param actor         who did it: a Slack user id, or a system actor such as {@code system:scheduler}
 * @param occurredAt    when, at microsecond precision (what PostgreSQL stores)
 * @param traceId       the request's trace id, when there was one
 * @param payloadJson   the details, as a JSON object
 */
public record AuditEvent(UUID eventId,
                         String type,
                         int schemaVersion,
                         String actor,
                         Instant occurredAt,
                         Optional<String> traceId,
                         String payloadJson) {

    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        requireText(type, "type");
        requireText(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(traceId, "traceId (use Optional.empty())");
        Objects.requireNonNull(payloadJson, "payloadJson");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
        if (type.length() > AuditType.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("type longer than " + AuditType.MAX_NAME_LENGTH + ": " + type);
        }
        if (actor.length() > MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("actor longer than " + MAX_ACTOR_LENGTH + " characters");
        }
        if (traceId.isPresent() && traceId.get().length() > MAX_TRACE_ID_LENGTH) {
            throw new IllegalArgumentException("traceId longer than " + MAX_TRACE_ID_LENGTH + " characters");
        }
        if (!payloadJson.stripLeading().startsWith("{")) {
            throw new IllegalArgumentException("payloadJson must be a JSON object");
        }
    }

    public static final int MAX_ACTOR_LENGTH = 100;
    public static final int MAX_TRACE_ID_LENGTH = 64;

    /**
     * A stable event id for something that may be reported more than once (a Slack retry, the same
     * scheduled job on two replicas): the same type and key always give the same id, so the second
     * append is a no-op.
     */
    public static UUID idFor(String type, String naturalKey) {
        requireText(type, "type");
        requireText(naturalKey, "naturalKey");
        // The NUL separator keeps ("a.b", "c") and ("a", "b.c") apart.
        return UUID.nameUUIDFromBytes((type + '\0' + naturalKey).getBytes(StandardCharsets.UTF_8));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
