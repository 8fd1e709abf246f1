package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("deploy_lock")
public record DeployLockRow(@Id @GeneratedValue @Nullable Long id, String service, String environment,
                            String lockedBy, String reason, Instant lockedAt) {
}
