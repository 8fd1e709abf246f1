package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("deploy_checklist_item")
public record DeployChecklistRow(@Id @GeneratedValue @Nullable Long id, long requestId, int ordinal, String itemText,
                                 @Nullable String tickedBy, @Nullable Instant tickedAt) {
}
