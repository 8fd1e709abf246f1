package dev.flightdeck.pager;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.paging.OncallTarget;
import dev.flightdeck.incident.paging.PageEvent;
import dev.flightdeck.incident.paging.Pager;
import dev.flightdeck.secrets.EnvSecrets;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@link Pager} on PagerDuty's Events API v2 ({@code POST /v2/enqueue}: trigger and resolve under the dedup key) and
 * Opsgenie's Alert API ({@code POST /v2/alerts} with the dedup key as alias, {@code POST
 * /v2/alerts/{alias}/close?identifierType=alias}). Keys are read by the environment variable the team file names,
 * at each send; they go in the body or the header, never in a log or an answer.
 */
@Singleton
public class VendorPager implements Pager {

    private final PagerHttp http;
    private final EnvSecrets secrets;
    private final String eventsUrl;
    private final String opsgenieUrl;

    public VendorPager(PagerHttp http, EnvSecrets secrets,
                       @Value("${flightdeck.paging.pagerduty-events-url:`https://events.pagerduty.com`}") String eventsUrl,
                       @Value("${flightdeck.paging.opsgenie-api-url:`https://api.opsgenie.com`}") String opsgenieUrl) {
        this.http = http;
        this.secrets = secrets;
        this.eventsUrl = eventsUrl;
        this.opsgenieUrl = opsgenieUrl;
    }

    @Override
    public Delivery send(OncallTarget target, PageEvent event) {
        if (target instanceof OncallTarget.PagerDuty pd) {
            return pagerDuty(pd, event);
        }
        return opsgenie((OncallTarget.Opsgenie) target, event);
    }

    private Delivery pagerDuty(OncallTarget.PagerDuty target, PageEvent event) {
        Optional<String> key = secrets.get(target.routingKeyEnv());
        if (key.isEmpty()) {
            return new Delivery.Refused("the routing key of " + target.name() + " is not set (environment variable "
                    + target.routingKeyEnv() + ")");
        }
        JsonObject body = new JsonObject();
        body.addProperty("routing_key", key.get());
        body.addProperty("dedup_key", event.dedupKey());
        if (event.action() == PageEvent.Action.TRIGGER) {
            body.addProperty("event_action", "trigger");
            JsonObject payload = new JsonObject();
            payload.addProperty("summary", clip(summary(event), 1024));
            payload.addProperty("source", "flightdeck");
            payload.addProperty("severity", pagerDutySeverity(event.severity()));
            payload.addProperty("component", event.incidentId());
            payload.add("custom_details", details(event));
            body.add("payload", payload);
            body.addProperty("client", "Flightdeck");
            body.addProperty("client_url", event.link());
            JsonArray links = new JsonArray();
            JsonObject link = new JsonObject();
            link.addProperty("href", event.link());
            link.addProperty("text", event.incidentId() + " in Flightdeck");
            links.add(link);
            body.add("links", links);
        } else {
            body.addProperty("event_action", "resolve");
        }
        return PagerHttp.delivery("PagerDuty", http.send(HttpRequest.newBuilder(PagerHttp.uri(eventsUrl, "/v2/enqueue"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))), key.get());
    }

    private Delivery opsgenie(OncallTarget.Opsgenie target, PageEvent event) {
        Optional<String> key = secrets.get(target.apiKeyEnv());
        if (key.isEmpty()) {
            return new Delivery.Refused("the Opsgenie API key of " + target.name() + " is not set (environment "
                    + "variable " + target.apiKeyEnv() + ")");
        }
        JsonObject body = new JsonObject();
        String path;
        if (event.action() == PageEvent.Action.TRIGGER) {
            path = "/v2/alerts";
            body.addProperty("message", clip(summary(event), 130));
            body.addProperty("alias", event.dedupKey());
            body.addProperty("description", clip(summary(event) + "\n" + event.link(), 15000));
            target.team().ifPresent(team -> {
                JsonArray responders = new JsonArray();
                JsonObject r = new JsonObject();
                r.addProperty("type", "team");
                r.addProperty("name", team);
                responders.add(r);
                body.add("responders", responders);
            });
            JsonArray tags = new JsonArray();
            tags.add(event.incidentId());
            body.add("tags", tags);
            body.add("details", details(event));
            body.addProperty("source", "Flightdeck");
            body.addProperty("priority", "P" + (event.severity().ordinal() + 1));
        } else {
            path = "/v2/alerts/" + URLEncoder.encode(event.dedupKey(), StandardCharsets.UTF_8).replace("+", "%20")
                    + "/close?identifierType=alias";
            body.addProperty("source", "Flightdeck");
            body.addProperty("note", event.incidentId() + " was resolved in Flightdeck");
        }
        return PagerHttp.delivery("Opsgenie", http.send(HttpRequest.newBuilder(PagerHttp.uri(opsgenieUrl, path))
                .header("Content-Type", "application/json")
                .header("Authorization", "GenieKey " + key.get())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))), key.get());
    }

    /** sev1 critical, sev2 error, sev3 warning, sev4 info: PagerDuty's four. */
    static String pagerDutySeverity(Severity s) {
        return switch (s) {
            case SEV1 -> "critical";
            case SEV2 -> "error";
            case SEV3 -> "warning";
            case SEV4 -> "info";
        };
    }

    private static String summary(PageEvent e) {
        return e.incidentId() + " (" + e.severity().label() + "): " + e.summary()
                + e.message().map(m -> " — " + m).orElse("");
    }

    private static JsonObject details(PageEvent e) {
        JsonObject d = new JsonObject();
        d.addProperty("incident", e.incidentId());
        d.addProperty("severity", e.severity().label());
        d.addProperty("title", e.summary());
        e.message().ifPresent(m -> d.addProperty("message", m));
        d.addProperty("link", e.link());
        return d;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
