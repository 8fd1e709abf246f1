package dev.flightdeck.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code incident}; {@code id} is the incident's number. The table's {@code communicator_asked_at} (the
 * separate ask for a communicator, which the card carries now) is left in the schema, unread: a replica of the
 * previous version still writes it during a rolling upgrade.
 */
@MappedEntity("incident")
public record IncidentRow(@Id @GeneratedValue @Nullable Long id,
                          String title,
                          String severity,
                          String status,
                          String commanderId,
                          @Nullable String communicatorId,
                          String declaredBy,
                          @Nullable String declaredIn,
                          Instant startedAt,
                          @Nullable Instant resolvedAt,
                          @Nullable Instant firstUpdateAt,
                          @Nullable Instant lastUpdateAt,
                          @Nullable Instant nextReminderAt,
                          @Nullable String channelId,
                          @Nullable String channelName,
                          @Nullable String cardTs,
                          @Nullable Instant invitedAt,
                          @Nullable Instant pinnedAt,
                          @Nullable Instant topicSetAt,
                          @Nullable Instant announcedAt,
                          boolean setupComplete,
                          @Nullable Instant setupLeaseUntil,
                          @Nullable String summaryText,
                          @Nullable String affected,
                          @Nullable String whatHappened,
                          @Nullable String prevention) {
}
