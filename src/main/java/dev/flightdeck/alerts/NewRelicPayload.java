package dev.flightdeck.alerts;

import com.google.gson.JsonObject;
import dev.flightdeck.alarms.AlertState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A New Relic workflow's webhook destination with the default payload template: {@code id} (the issue id: the
 * episode's key), {@code issueUrl}, {@code title}, {@code priority}, {@code impactedEntities}, {@code state}
 * (ACTIVATED fires, CLOSED clears; CREATED and ACKNOWLEDGED change nothing here), {@code createdAt}/{@code updatedAt}
 * in epoch milliseconds, {@code alertPolicyNames}, {@code alertConditionNames}. A template may add {@code tags}
 * ({@code {{json accumulations.tag}}}) or {@code labels} naming the service and environment; without them the
 * service and environment are looked for in the entity, condition and policy names and the title.
 */
final class NewRelicPayload {

    static final String SOURCE = "newrelic";
    private static final String EXPECTED = "a New Relic workflow webhook (the default payload template)";

    private NewRelicPayload() {
    }

    static List<Reading> read(String body, Instant received) throws Reading.Malformed {
        JsonObject root = JsonFields.object(body, EXPECTED);
        String id = JsonFields.text(root, "id").or(() -> JsonFields.text(root, "issueId"))
                .orElseThrow(() -> new Reading.Malformed("no id (the issue id): expected " + EXPECTED));
        String title = JsonFields.text(root, "title").orElse("New Relic issue " + id);
        List<String> conditions = JsonFields.texts(root, "alertConditionNames");
        String name = conditions.isEmpty() ? title : conditions.get(0);
        String stateWord = JsonFields.text(root, "state")
                .orElseThrow(() -> new Reading.Malformed("no state (ACTIVATED or CLOSED): expected " + EXPECTED));
        AlertState state = switch (stateWord) {
            case "ACTIVATED" -> AlertState.ALARM;
            case "CLOSED" -> AlertState.OK;
            default -> null;
        };
        if (state == null) {
            return List.of(new Reading.Skipped(name, "state " + Shown.of(stateWord) + " is not ACTIVATED or CLOSED"));
        }
        Map<String, String> tags = new LinkedHashMap<>(JsonFields.labels(JsonFields.child(root, "tags")));
        JsonFields.labels(JsonFields.child(root, "labels")).forEach(tags::putIfAbsent);
        List<String> names = new ArrayList<>(JsonFields.texts(root, "impactedEntities"));
        names.addAll(JsonFields.texts(root, "entityNames"));
        names.addAll(conditions);
        names.addAll(JsonFields.texts(root, "alertPolicyNames"));
        names.add(title);
        Optional<String> priority = JsonFields.text(root, "priority");
        String reason = title + priority.map(p -> " (priority " + p + ")").orElse("");
        Instant at = (state == AlertState.OK
                ? JsonFields.epoch(root, "closedAt", true).or(() -> JsonFields.epoch(root, "updatedAt", true))
                : JsonFields.epoch(root, "activatedAt", true).or(() -> JsonFields.epoch(root, "createdAt", true)))
                .orElse(received);
        var link = JsonFields.link(JsonFields.text(root, "issueUrl"))
                .or(() -> JsonFields.link(JsonFields.text(root, "issuePageUrl")));
        var runbook = JsonFields.link(JsonFields.texts(root, "runbookUrl").stream().findFirst());
        return List.of(new Reading.Reported(SOURCE, id, name, state, reason, tags, names, runbook, link, at,
                SOURCE + ":" + id + ":" + stateWord + ":" + JsonFields.text(root, "updatedAt").orElse("")));
    }
}
