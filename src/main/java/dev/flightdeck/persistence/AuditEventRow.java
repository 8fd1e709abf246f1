package dev.flightdeck.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code audit_event}. {@code id} is the insertion sequence (tie-breaker when two events share an
 * instant); {@code eventId} is the event's identity.
 */
@MappedEntity("audit_event")
public record AuditEventRow(@Id @GeneratedValue @Nullable Long id,
                            UUID eventId,
                            String type,
                            int schemaVersion,
                            String actor,
                            Instant occurredAt,
                            @Nullable String traceId,
                            @MappedProperty("payload") String payloadJson) {
}
