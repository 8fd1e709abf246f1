package dev.flightdeck.alerts;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.alarms.AlertState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grafana alerting's webhook contact point (Grafana's "Configure the webhook notifier for Alerting"): {@code alerts[]},
 * each with {@code status} firing or resolved, {@code labels} (alertname, and service/env when the rule sets them),
 * {@code annotations} (summary, description, runbook_url), {@code startsAt}/{@code endsAt}, {@code fingerprint} (the
 * same for the same labels: the episode's key) and links to the panel, the dashboard or the rule.
 */
final class GrafanaPayload {

    static final String SOURCE = "grafana";
    private static final String EXPECTED = "Grafana alerting's webhook payload";

    private GrafanaPayload() {
    }

    static List<Reading> read(String body, Instant received) throws Reading.Malformed {
        JsonObject root = JsonFields.object(body, EXPECTED);
        JsonArray alerts = JsonFields.array(root, "alerts")
                .orElseThrow(() -> new Reading.Malformed("no alerts[]: expected " + EXPECTED));
        List<Reading> out = new ArrayList<>();
        int n = 0;
        for (JsonElement e : alerts) {
            n++;
            if (!e.isJsonObject()) {
                throw new Reading.Malformed("alerts[" + (n - 1) + "] is not an object");
            }
            out.add(alert(e.getAsJsonObject(), "alerts[" + (n - 1) + "]", received));
        }
        return out;
    }

    private static Reading alert(JsonObject a, String where, Instant received) throws Reading.Malformed {
        Map<String, String> labels = JsonFields.labels(JsonFields.child(a, "labels"));
        Map<String, String> annotations = JsonFields.labels(JsonFields.child(a, "annotations"));
        String name = Optional.ofNullable(labels.get("alertname")).or(() -> Optional.ofNullable(annotations.get("summary")))
                .orElse("Grafana alert");
        String status = JsonFields.text(a, "status")
                .orElseThrow(() -> new Reading.Malformed(where + " has no status (firing or resolved)"));
        AlertState state = switch (status) {
            case "firing" -> AlertState.ALARM;
            case "resolved" -> AlertState.OK;
            default -> null;
        };
        if (state == null) {
            return new Reading.Skipped(name, "status " + Shown.of(status) + " is neither firing nor resolved");
        }
        String fingerprint = JsonFields.text(a, "fingerprint")
                .orElseThrow(() -> new Reading.Malformed(where + " has no fingerprint"));
        Optional<Instant> startsAt = JsonFields.time(JsonFields.text(a, "startsAt"), where + ".startsAt");
        Optional<Instant> endsAt = JsonFields.time(JsonFields.text(a, "endsAt"), where + ".endsAt");
        Instant at = (state == AlertState.OK ? endsAt.or(() -> startsAt) : startsAt).orElse(received);
        String reason = Optional.ofNullable(annotations.get("summary"))
                .or(() -> Optional.ofNullable(annotations.get("description"))).orElse("");
        var link = JsonFields.link(JsonFields.text(a, "panelURL"))
                .or(() -> JsonFields.link(JsonFields.text(a, "dashboardURL")))
                .or(() -> JsonFields.link(JsonFields.text(a, "generatorURL")));
        var runbook = JsonFields.link(Optional.ofNullable(annotations.get("runbook_url")))
                .or(() -> JsonFields.link(Optional.ofNullable(labels.get("runbook_url"))));
        return new Reading.Reported(SOURCE, fingerprint, name, state, reason, labels, List.of(name), runbook, link, at,
                SOURCE + ":" + fingerprint + ":" + status + ":" + startsAt.map(Instant::toString).orElse(""));
    }
}
