package dev.flightdeck.aws.events;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("aws_event_seen")
public record AwsEventSeenRow(@Id String id, Instant seenAt) {
}
