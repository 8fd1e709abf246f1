package dev.flightdeck.flagproviders;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.deploy.flags.FlagProvider;
import dev.flightdeck.deploy.flags.FlagProviderException;
import dev.flightdeck.deploy.flags.FlagsConfig;
import dev.flightdeck.secrets.EnvSecrets;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flagsmith's Admin API: {@code GET /environments/{environment_api_key}/featurestates/?feature_name=…} finds the
 * environment's default feature state (no identity, no segment), {@code PATCH /environments/{key}/featurestates/{id}/}
 * with {@code {"enabled": …}} flips it. The organisation API token goes as {@code Authorization: Token <token>}. The
 * base URL is {@code FLIGHTDECK_FLAGSMITH_API_URL} ({@code flightdeck.flagsmith.api-url}), {@code /api/v1} included.
 */
@Singleton
public class FlagsmithFlags {

    private final FlagHttp http;
    private final EnvSecrets secrets;
    private final String base;

    public FlagsmithFlags(FlagHttp http, EnvSecrets secrets,
                          @Value("${flightdeck.flagsmith.api-url:`https://api.flagsmith.com/api/v1/`}") String apiUrl) {
        this.http = http;
        this.secrets = secrets;
        this.base = apiUrl.replaceAll("/+$", "");
    }

    /** The environment's default state of the feature, by environment key. */
    record Found(long id, boolean enabled, Optional<String> value, Optional<Instant> updatedAt) {
    }

    public FlagProvider.Reading read(FlagsConfig.Flagsmith config, String flagKey, List<String> environments)
            throws FlagProviderException {
        Map<String, FlagProvider.EnvironmentState> states = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        for (String env : environments) {
            Optional<Found> found = find(config, flagKey, env);
            found.ifPresent(f -> {
                states.put(env, new FlagProvider.EnvironmentState(f.enabled(), f.value(), Optional.empty(), f.updatedAt()));
                f.value().filter(v -> !values.contains(v)).ifPresent(values::add);
            });
        }
        if (states.isEmpty()) {
            throw new FlagProviderException(FlagProviderException.Kind.NOT_FOUND,
                    "Flagsmith has no feature " + flagKey + " in " + String.join(", ", environments));
        }
        return new FlagProvider.Reading(flagKey, flagKey, values, states);
    }

    public FlagProvider.FlipResult flip(FlagsConfig.Flagsmith config, String flagKey, String environment, boolean on,
                                        String comment) {
        Optional<Found> found;
        try {
            found = find(config, flagKey, environment);
        } catch (FlagProviderException e) {
            return new FlagProvider.Failed(e.getMessage());
        }
        if (found.isEmpty()) {
            return new FlagProvider.Failed("Flagsmith has no feature " + flagKey + " in that environment");
        }
        String token = secrets.get(config.tokenEnv()).orElse("");
        // Flagsmith keeps no comment with a feature state: the request is named in Flightdeck's audit trail.
        HttpRequest request = http.request(URI.create(base + "/environments/" + LaunchDarklyFlags.encode(environment)
                        + "/featurestates/" + found.get().id() + "/"))
                .header("Authorization", "Token " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":" + on + "}")).build();
        FlagHttp.Answer answer = http.send(request);
        return answer.status() == 200 ? new FlagProvider.Flipped()
                : new FlagProvider.Failed(ProviderErrors.describe("Flagsmith", answer,
                "turning feature " + flagKey + " " + (on ? "on" : "off")));
    }

    private Optional<Found> find(FlagsConfig.Flagsmith config, String flagKey, String environment)
            throws FlagProviderException {
        Optional<String> token = secrets.get(config.tokenEnv());
        if (token.isEmpty()) {
            throw new FlagProviderException(FlagProviderException.Kind.REFUSED,
                    "the Flagsmith token is not set (environment variable " + config.tokenEnv() + ")");
        }
        HttpRequest request = http.request(URI.create(base + "/environments/" + LaunchDarklyFlags.encode(environment)
                        + "/featurestates/?feature_name=" + LaunchDarklyFlags.encode(flagKey)))
                .header("Authorization", "Token " + token.get()).GET().build();
        FlagHttp.Answer answer = http.send(request);
        String what = "reading feature " + flagKey;
        if (answer.status() == 404) {
            // An environment key Flagsmith does not know.
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new FlagProviderException(answer.status() == 0 || answer.status() >= 500
                    ? FlagProviderException.Kind.DOWN : FlagProviderException.Kind.REFUSED,
                    ProviderErrors.describe("Flagsmith", answer, what));
        }
        try {
            JsonObject page = JsonParser.parseString(answer.body()).getAsJsonObject();
            for (JsonElement e : page.getAsJsonArray("results")) {
                JsonObject s = e.getAsJsonObject();
                if (!isNull(s, "identity") || !isNull(s, "feature_segment")) {
                    continue;
                }
                Optional<String> value = isNull(s, "feature_state_value") ? Optional.empty()
                        : Optional.of(s.get("feature_state_value").getAsString());
                Optional<Instant> updated = isNull(s, "updated_at") ? Optional.empty()
                        : Optional.of(OffsetDateTime.parse(s.get("updated_at").getAsString()).toInstant());
                return Optional.of(new Found(s.get("id").getAsLong(), s.get("enabled").getAsBoolean(), value, updated));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new FlagProviderException(FlagProviderException.Kind.DOWN,
                    "Flagsmith answered something that is not a list of feature states while " + what);
        }
    }

    private static boolean isNull(JsonObject o, String field) {
        return !o.has(field) || o.get(field).isJsonNull();
    }
}
