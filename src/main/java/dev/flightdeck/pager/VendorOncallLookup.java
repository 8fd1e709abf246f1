package dev.flightdeck.pager;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.incident.paging.OncallLookup;
import dev.flightdeck.incident.paging.OncallTarget;
import dev.flightdeck.secrets.EnvSecrets;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link OncallLookup} on PagerDuty's REST API ({@code GET /oncalls?earliest=true}, the users included for their
 * e-mails, filtered to the target's escalation policy when the team file names one) and Opsgenie's Who Is On Call API
 * ({@code GET /v2/schedules/{name}/on-calls?scheduleIdentifierType=name&flat=true}).
 */
@Singleton
public class VendorOncallLookup implements OncallLookup {

    static final String PAGERDUTY_ACCEPT = "application/vnd.pagerduty+json;version=2";

    private final PagerHttp http;
    private final EnvSecrets secrets;
    private final String pagerDutyApi;
    private final String opsgenieApi;

    public VendorOncallLookup(PagerHttp http, EnvSecrets secrets,
                              @Value("${flightdeck.paging.pagerduty-api-url:`https://api.pagerduty.com`}") String pagerDutyApi,
                              @Value("${flightdeck.paging.opsgenie-api-url:`https://api.opsgenie.com`}") String opsgenieApi) {
        this.http = http;
        this.secrets = secrets;
        this.pagerDutyApi = pagerDutyApi;
        this.opsgenieApi = opsgenieApi;
    }

    @Override
    public Answer onCall(OncallTarget target) {
        if (target instanceof OncallTarget.PagerDuty pd) {
            return pagerDuty(pd);
        }
        return opsgenie((OncallTarget.Opsgenie) target);
    }

    private Answer pagerDuty(OncallTarget.PagerDuty target) {
        if (target.apiKeyEnv().isEmpty()) {
            return new Answer.NotConfigured("pagerduty-api-key-env");
        }
        Optional<String> key = secrets.get(target.apiKeyEnv().get());
        if (key.isEmpty()) {
            return new Answer.Failed("the PagerDuty REST API key is not set (environment variable "
                    + target.apiKeyEnv().get() + ")");
        }
        String query = "?earliest=true&include%5B%5D=users" + target.escalationPolicy()
                .map(p -> "&escalation_policy_ids%5B%5D=" + URLEncoder.encode(p, StandardCharsets.UTF_8)).orElse("");
        Optional<HttpResponse<String>> answer = http.send(HttpRequest.newBuilder(PagerHttp.uri(pagerDutyApi,
                        "/oncalls" + query))
                .header("Authorization", "Token token=" + key.get())
                .header("Accept", PAGERDUTY_ACCEPT).GET());
        Optional<Answer> failed = failure("PagerDuty", answer, key.get());
        if (failed.isPresent()) {
            return failed.get();
        }
        try {
            List<OnCall> people = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonElement e : JsonParser.parseString(answer.get().body()).getAsJsonObject().getAsJsonArray("oncalls")) {
                JsonObject oncall = e.getAsJsonObject();
                if (!oncall.has("user") || !oncall.get("user").isJsonObject()) {
                    continue;
                }
                JsonObject user = oncall.getAsJsonObject("user");
                String name = text(user, "name").or(() -> text(user, "summary")).orElse("someone");
                Optional<String> email = text(user, "email");
                int level = oncall.has("escalation_level") ? oncall.get("escalation_level").getAsInt() : 1;
                if (seen.add(text(user, "id").orElse(name) + "@" + level)) {
                    people.add(new OnCall(name, email, level));
                }
            }
            people.sort(java.util.Comparator.comparingInt(OnCall::level));
            return new Answer.People(people);
        } catch (RuntimeException e) {
            return new Answer.Failed("PagerDuty's answer could not be read");
        }
    }

    private Answer opsgenie(OncallTarget.Opsgenie target) {
        if (target.schedule().isEmpty()) {
            return new Answer.NotConfigured("schedule");
        }
        Optional<String> key = secrets.get(target.apiKeyEnv());
        if (key.isEmpty()) {
            return new Answer.Failed("the Opsgenie API key is not set (environment variable " + target.apiKeyEnv() + ")");
        }
        String path = "/v2/schedules/" + URLEncoder.encode(target.schedule().get(), StandardCharsets.UTF_8)
                .replace("+", "%20") + "/on-calls?scheduleIdentifierType=name&flat=true";
        Optional<HttpResponse<String>> answer = http.send(HttpRequest.newBuilder(PagerHttp.uri(opsgenieApi, path))
                .header("Authorization", "GenieKey " + key.get()).GET());
        Optional<Answer> failed = failure("Opsgenie", answer, key.get());
        if (failed.isPresent()) {
            return failed.get();
        }
        try {
            JsonObject data = JsonParser.parseString(answer.get().body()).getAsJsonObject().getAsJsonObject("data");
            List<OnCall> people = new ArrayList<>();
            if (data.has("onCallRecipients") && data.get("onCallRecipients").isJsonArray()) {
                for (JsonElement r : data.getAsJsonArray("onCallRecipients")) {
                    String username = r.getAsString();
                    people.add(new OnCall(username, username.contains("@") ? Optional.of(username) : Optional.empty(), 1));
                }
            }
            return new Answer.People(people);
        } catch (RuntimeException e) {
            return new Answer.Failed("Opsgenie's answer could not be read");
        }
    }

    private static Optional<Answer> failure(String vendor, Optional<HttpResponse<String>> answer, String key) {
        if (answer.isEmpty()) {
            return Optional.of(new Answer.Failed(vendor + " did not answer"));
        }
        int status = answer.get().statusCode();
        if (status / 100 == 2) {
            return Optional.empty();
        }
        String said = PagerHttp.words(answer.get().body(), key);
        return Optional.of(new Answer.Failed(vendor + " answered HTTP " + status + (said.isEmpty() ? "" : ": " + said)));
    }

    private static Optional<String> text(JsonObject o, String field) {
        return o.has(field) && o.get(field).isJsonPrimitive() ? Optional.of(o.get(field).getAsString()) : Optional.empty();
    }
}
