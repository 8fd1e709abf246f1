package dev.flightdeck.alerts;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.config.ParseResult;
import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.team.TeamConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The monitors' published payloads under src/test/resources/vendor/ (sources in its README), and the same payloads
 * with only the fields a test must set changed: labels or tags naming a service and environment, and keys of the
 * test's own (the alerts test app's database is shared). Every change is named here.
 */
final class MonitorPayloads {

    static final String GRAFANA = "grafana/webhook-firing.json";
    static final String NEWRELIC_ACTIVATED = "newrelic/issue-activated.json";
    static final String NEWRELIC_CLOSED = "newrelic/issue-closed.json";
    static final String SENTRY = "sentry/issue-alert-triggered.json";

    private MonitorPayloads() {
    }

    static String text(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/vendor", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(String file) {
        return JsonParser.parseString(text(file)).getAsJsonObject();
    }

    /** Grafana's example, its first alert with labels service and env and a fingerprint of the test's own. */
    static String grafanaFor(String service, String env, String fingerprint) {
        JsonObject o = json(GRAFANA);
        JsonObject first = o.getAsJsonArray("alerts").get(0).getAsJsonObject();
        first.getAsJsonObject("labels").addProperty("service", service);
        first.getAsJsonObject("labels").addProperty("env", env);
        first.addProperty("fingerprint", fingerprint);
        return o.toString();
    }

    /** {@link #grafanaFor} as Grafana sends it once resolved: status resolved (both levels) and an endsAt. */
    static String grafanaResolved(String service, String env, String fingerprint, String endsAt) {
        JsonObject o = JsonParser.parseString(grafanaFor(service, env, fingerprint)).getAsJsonObject();
        o.addProperty("status", "resolved");
        JsonObject first = o.getAsJsonArray("alerts").get(0).getAsJsonObject();
        first.addProperty("status", "resolved");
        first.addProperty("endsAt", endsAt);
        return o.toString();
    }

    /** New Relic's delivery with an issue id of the test's own and {@code entity} as the one impacted entity. */
    static String newRelicFor(String file, String issueId, String entity) {
        JsonObject o = json(file);
        o.addProperty("id", issueId);
        JsonArray entities = new JsonArray();
        entities.add(entity);
        o.add("impactedEntities", entities);
        return o.toString();
    }

    /** Sentry's example for the project {@code project} (in the event's API url) with an environment tag. */
    static String sentryFor(String project, String environment, String issueId) {
        JsonObject o = json(SENTRY);
        JsonObject event = o.getAsJsonObject("data").getAsJsonObject("event");
        event.addProperty("url", event.get("url").getAsString().replace("/front-end/", "/" + project + "/"));
        event.addProperty("issue_id", issueId);
        JsonArray tag = new JsonArray();
        tag.add("environment");
        tag.add(environment);
        event.getAsJsonArray("tags").add(tag);
        return o.toString();
    }

    /** The alerts test app's team: the example team file with teamconfig/alerts.yml (service shop) laid over it. */
    static TeamConfig team() {
        try {
            ParseResult both = TeamConfigParser.parseSources(List.of(
                    new TeamConfigParser.Source("flightdeck.example.yml",
                            Files.readString(Path.of("flightdeck.example.yml"))),
                    new TeamConfigParser.Source("alerts.yml",
                            Files.readString(Path.of("src/test/resources/teamconfig/alerts.yml")))));
            return ((ParseResult.Valid) both).config();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
