package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("deploy_approval")
public record DeployApprovalRow(@Id @GeneratedValue @Nullable Long id, long requestId, String approverId,
                                Instant approvedAt) {
}
