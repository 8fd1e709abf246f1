package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("deploy_check")
public record DeployCheckRow(@Id @GeneratedValue @Nullable Long id, long requestId, int ordinal, String name,
                             boolean blocked, String checkText, @Nullable String overriddenBy,
                             @Nullable String overrideReason, boolean waiting, @Nullable java.time.Instant recheckAt,
                             @Nullable String waitsOn) {
}
