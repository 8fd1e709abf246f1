package dev.flightdeck.slack.edge;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("slack_request_seen")
public record SlackRequestSeenRow(@Id String signatureHash, Instant expiresAt) {
}
