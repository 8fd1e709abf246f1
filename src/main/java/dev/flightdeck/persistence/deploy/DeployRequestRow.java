package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code deploy_request}; {@code state} is the enum's name, {@code rowVersion} counts writes. */
@MappedEntity("deploy_request")
public record DeployRequestRow(@Id @GeneratedValue @Nullable Long id,
                               String service, String environment, String version,
                               String requesterId, String runnerId, @Nullable String note, @Nullable Long rollbackOf,
                               String state, int rowVersion, int approvalsRequired, Instant requestedAt,
                               @Nullable String stateActor, @Nullable String stateReason, Instant stateChangedAt,
                               @Nullable Instant startedAt, @Nullable Instant finishedAt,
                               @Nullable Instant nextNudgeAt, int nudgesSent, @Nullable Instant expiresAt,
                               @Nullable String channelId, @Nullable String messageTs,
                               @Nullable String buildLabel, @Nullable String buildUrl) {
}
