package dev.flightdeck.persistence.configchange;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code config_pending_value} (V24): ciphertext only. toString shows no bytes. */
@MappedEntity("config_pending_value")
public record PendingValueRow(@Id Long changeId, byte[] nonce, byte[] ciphertext, String keyId, Instant expiresAt) {
    @Override
    public String toString() {
        return "PendingValueRow[change " + changeId + ", key " + keyId + ", until " + expiresAt + "]";
    }
}
