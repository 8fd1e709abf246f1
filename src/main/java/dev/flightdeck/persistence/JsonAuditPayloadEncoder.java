package dev.flightdeck.persistence;

import dev.flightdeck.audit.AuditPayloadEncoder;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@link AuditPayloadEncoder} with Micronaut's JSON mapper (Serde Jackson). */
@Singleton
public class JsonAuditPayloadEncoder implements AuditPayloadEncoder {

    private final JsonMapper jsonMapper;

    public JsonAuditPayloadEncoder(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public String encode(Map<String, ?> payload) {
        try {
            return new String(jsonMapper.writeValueAsBytes(payload), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Never echo the payload: it is whatever the caller recorded and may be large or sensitive.
            throw new UncheckedIOException("audit payload is not JSON-serialisable (keys " + payload.keySet() + ")", e);
        }
    }
}
