package dev.flightdeck.alerts;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.alarms.AlertState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sentry internal integration's issue alert ({@code Sentry-Hook-Resource: event_alert}, Sentry's "Issue Alerts"
 * webhook): {@code action} is always {@code triggered}; {@code data.event} is the event that set the rule off, with
 * {@code issue_id} (the episode's key), {@code title}, {@code tags} as {@code [key, value]} pairs (Sentry's
 * {@code environment} among them), {@code web_url} and the project in its API {@code url}; {@code data.issue} (activity
 * alerts) stands in when there is no event. Sentry never says an issue alert is over, so these only fire.
 */
final class SentryPayload {

    static final String SOURCE = "sentry";
    private static final String EXPECTED = "a Sentry issue alert webhook";
    private static final Pattern PROJECT_IN_URL = Pattern.compile("/projects/[^/]+/([^/]+)/");

    private SentryPayload() {
    }

    static List<Reading> read(String body, Instant received) throws Reading.Malformed {
        JsonObject root = JsonFields.object(body, EXPECTED);
        JsonObject data = JsonFields.child(root, "data")
                .orElseThrow(() -> new Reading.Malformed("no data: expected " + EXPECTED));
        Optional<JsonObject> event = JsonFields.child(data, "event");
        Optional<JsonObject> issue = JsonFields.child(data, "issue");
        if (event.isEmpty() && issue.isEmpty()) {
            throw new Reading.Malformed("no data.event nor data.issue: expected " + EXPECTED);
        }
        JsonObject e = event.orElseGet(issue::get);
        String title = JsonFields.text(e, "title").orElse("Sentry issue");
        String action = JsonFields.text(root, "action").orElse("");
        if (!action.equals("triggered")) {
            return List.of(new Reading.Skipped(title, "action " + Shown.of(action) + " is not triggered"));
        }
        String issueId = event.flatMap(x -> JsonFields.text(x, "issue_id"))
                .or(() -> issue.flatMap(x -> JsonFields.text(x, "id")))
                .orElseThrow(() -> new Reading.Malformed("no data.event.issue_id: expected " + EXPECTED));
        Map<String, String> tags = tags(e);
        JsonFields.text(e, "environment").ifPresent(env -> tags.putIfAbsent("environment", env));
        List<String> names = new ArrayList<>();
        JsonFields.text(e, "url").map(PROJECT_IN_URL::matcher).filter(Matcher::find).map(m -> m.group(1))
                .ifPresent(names::add);
        issue.flatMap(i -> JsonFields.child(i, "project")).flatMap(p -> JsonFields.text(p, "slug")).ifPresent(names::add);
        names.add(title);
        Optional<String> rule = JsonFields.text(data, "triggered_rule");
        Optional<String> level = JsonFields.text(e, "level");
        String reason = level.map(l -> "level " + l).orElse("")
                + rule.map(r -> (level.isPresent() ? ", " : "") + "rule " + r).orElse("");
        Instant at = JsonFields.time(JsonFields.text(e, "datetime"), "data.event.datetime")
                .or(() -> JsonFields.epoch(e, "timestamp", false)).orElse(received);
        var link = JsonFields.link(JsonFields.text(e, "web_url"))
                .or(() -> JsonFields.link(JsonFields.text(e, "permalink")));
        String eventId = JsonFields.text(e, "event_id").orElse(issueId);
        return List.of(new Reading.Reported(SOURCE, issueId, title, AlertState.ALARM, reason, tags, names,
                Optional.empty(), link, at, SOURCE + ":" + eventId));
    }

    /** Sentry's tags: {@code [["environment", "prod"], …]} on events, or objects with key and value. */
    private static Map<String, String> tags(JsonObject e) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonFields.array(e, "tags").ifPresent(tags -> {
            for (JsonElement t : tags) {
                if (t.isJsonArray() && t.getAsJsonArray().size() == 2 && t.getAsJsonArray().get(0).isJsonPrimitive()
                        && t.getAsJsonArray().get(1).isJsonPrimitive()) {
                    out.putIfAbsent(t.getAsJsonArray().get(0).getAsString().toLowerCase(java.util.Locale.ROOT),
                            t.getAsJsonArray().get(1).getAsString());
                } else if (t.isJsonObject()) {
                    Optional<String> k = JsonFields.text(t.getAsJsonObject(), "key");
                    Optional<String> v = JsonFields.text(t.getAsJsonObject(), "value");
                    if (k.isPresent() && v.isPresent()) {
                        out.putIfAbsent(k.get().toLowerCase(java.util.Locale.ROOT), v.get());
                    }
                }
            }
        });
        return out;
    }
}
