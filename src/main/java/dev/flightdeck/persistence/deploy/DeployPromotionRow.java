package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("deploy_promotion")
public record DeployPromotionRow(@Id @GeneratedValue @Nullable Long id, String service, String environment,
                                 String version, String claimToken, String claimedBy, Instant claimedAt,
                                 @Nullable Long deployId) {
}
