package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("post_release_check")
public record PostReleaseRow(@Id Long deployId, Instant startedAt, Instant endsAt, Instant nextAt, int probes,
                             @Nullable String outcome) {
}
