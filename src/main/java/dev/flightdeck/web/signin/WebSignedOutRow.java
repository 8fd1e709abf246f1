package dev.flightdeck.web.signin;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("web_signed_out")
public record WebSignedOutRow(@Id String subject, Instant signedOutAt) {
}
