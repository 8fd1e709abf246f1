package dev.flightdeck.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The one row of {@code fingerprint_key} (see V4__fingerprint_key.sql). */
@MappedEntity("fingerprint_key")
public record FingerprintKeyRow(@Id Integer id, String keyHex, Instant createdAt) {
    @Override
    public String toString() {
        return "FingerprintKeyRow[" + id + ", created " + createdAt + "]";
    }
}
