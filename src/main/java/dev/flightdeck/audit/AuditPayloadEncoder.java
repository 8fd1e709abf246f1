package dev.flightdeck.audit;

import java.util.Map;

/** Turns an event's details into JSON text (port; the JSON library lives in the adapter). */
public interface AuditPayloadEncoder {

    /**
     * @param payload string keys; values are strings, numbers, booleans, nulls, lists and maps of the same
     * @return a JSON object
     */
    String encode(Map<String, ?> payload);
}
