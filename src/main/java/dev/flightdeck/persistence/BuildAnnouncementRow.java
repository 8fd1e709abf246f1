package dev.flightdeck.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("build_announcement")
public record BuildAnnouncementRow(@Id String announceKey, Instant announcedAt) {
}
