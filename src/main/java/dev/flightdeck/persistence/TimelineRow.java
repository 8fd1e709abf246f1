package dev.flightdeck.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code incident_timeline}. */
@MappedEntity("incident_timeline")
public record TimelineRow(@Id @GeneratedValue @Nullable Long id,
                          long incidentId,
                          Instant occurredAt,
                          String authorId,
                          String kind,
                          String body,
                          @Nullable String dedupKey) {
}
