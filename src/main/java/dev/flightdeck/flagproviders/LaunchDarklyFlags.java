package dev.flightdeck.flagproviders;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.deploy.flags.FlagProvider;
import dev.flightdeck.deploy.flags.FlagProviderException;
import dev.flightdeck.deploy.flags.FlagsConfig;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.text.JsonStrings;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LaunchDarkly's REST API: {@code GET /api/v2/flags/{projectKey}/{featureFlagKey}?env=…} to read a flag, and a
 * semantic patch ({@code PATCH} with {@code Content-Type: application/json; domain-model=launchdarkly.semanticpatch},
 * instruction {@code turnFlagOn} or {@code turnFlagOff}, with the environment key and a comment naming the Flightdeck
 * request) to flip it. The access token goes as the bare {@code Authorization} header, as LaunchDarkly asks. The base
 * URL is {@code FLIGHTDECK_LAUNCHDARKLY_API_URL} ({@code flightdeck.launchdarkly.api-url}).
 */
@Singleton
public class LaunchDarklyFlags {

    static final String SEMANTIC_PATCH = "application/json; domain-model=launchdarkly.semanticpatch";

    private final FlagHttp http;
    private final EnvSecrets secrets;
    private final String base;

    public LaunchDarklyFlags(FlagHttp http, EnvSecrets secrets,
                             @Value("${flightdeck.launchdarkly.api-url:`https://app.launchdarkly.com`}") String apiUrl) {
        this.http = http;
        this.secrets = secrets;
        this.base = apiUrl.replaceAll("/+$", "");
    }

    public FlagProvider.Reading read(FlagsConfig.LaunchDarkly config, String flagKey, List<String> environments)
            throws FlagProviderException {
        String token = token(config).orElseThrow(() -> new FlagProviderException(FlagProviderException.Kind.REFUSED,
                "the LaunchDarkly token is not set (environment variable " + config.tokenEnv() + ")"));
        StringBuilder query = new StringBuilder();
        for (String env : environments) {
            query.append(query.isEmpty() ? "?" : "&").append("env=").append(encode(env));
        }
        HttpRequest request = http.request(flagUri(config, flagKey, query.toString()))
                .header("Authorization", token).GET().build();
        FlagHttp.Answer answer = http.send(request);
        String what = "reading flag " + flagKey;
        if (answer.status() == 404) {
            throw new FlagProviderException(FlagProviderException.Kind.NOT_FOUND,
                    ProviderErrors.describe("LaunchDarkly", answer, what));
        }
        if (answer.status() != 200) {
            throw new FlagProviderException(answer.status() == 0 || answer.status() >= 500
                    ? FlagProviderException.Kind.DOWN : FlagProviderException.Kind.REFUSED,
                    ProviderErrors.describe("LaunchDarkly", answer, what));
        }
        try {
            return reading(JsonParser.parseString(answer.body()).getAsJsonObject(), flagKey, environments);
        } catch (RuntimeException e) {
            throw new FlagProviderException(FlagProviderException.Kind.DOWN,
                    "LaunchDarkly answered something that is not a flag while " + what);
        }
    }

    public FlagProvider.FlipResult flip(FlagsConfig.LaunchDarkly config, String flagKey, String environment, boolean on,
                                        String comment) {
        Optional<String> token = token(config);
        if (token.isEmpty()) {
            return new FlagProvider.Failed("the LaunchDarkly token is not set (environment variable "
                    + config.tokenEnv() + ")");
        }
        String body = "{\"environmentKey\":" + JsonStrings.quote(environment) + ",\"comment\":" + JsonStrings.quote(comment)
                + ",\"instructions\":[{\"kind\":\"" + (on ? "turnFlagOn" : "turnFlagOff") + "\"}]}";
        HttpRequest request = http.request(flagUri(config, flagKey, ""))
                .header("Authorization", token.get()).header("Content-Type", SEMANTIC_PATCH)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
        FlagHttp.Answer answer = http.send(request);
        return answer.status() == 200 ? new FlagProvider.Flipped()
                : new FlagProvider.Failed(ProviderErrors.describe("LaunchDarkly", answer,
                "turning flag " + flagKey + " " + (on ? "on" : "off") + " in " + environment));
    }

    private Optional<String> token(FlagsConfig.LaunchDarkly config) {
        return secrets.get(config.tokenEnv());
    }

    private URI flagUri(FlagsConfig.LaunchDarkly config, String flagKey, String query) {
        return URI.create(base + "/api/v2/flags/" + encode(config.project()) + "/" + encode(flagKey) + query);
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The flag document: its variations, and per environment on/off, what it serves, when it last changed. */
    static FlagProvider.Reading reading(JsonObject flag, String flagKey, List<String> environments) {
        List<String> variations = new ArrayList<>();
        if (flag.has("variations") && flag.get("variations").isJsonArray()) {
            for (JsonElement v : flag.getAsJsonArray("variations")) {
                JsonObject o = v.getAsJsonObject();
                String value = o.has("value") ? text(o.get("value")) : "?";
                String name = o.has("name") && o.get("name").isJsonPrimitive() ? o.get("name").getAsString() : "";
                variations.add(name.isEmpty() || name.equals(value) ? value : name + " (" + value + ")");
            }
        }
        Map<String, FlagProvider.EnvironmentState> states = new LinkedHashMap<>();
        JsonObject envs = flag.has("environments") && flag.get("environments").isJsonObject()
                ? flag.getAsJsonObject("environments") : new JsonObject();
        for (String env : environments) {
            if (!envs.has(env) || !envs.get(env).isJsonObject()) {
                continue;
            }
            JsonObject e = envs.getAsJsonObject(env);
            boolean on = e.has("on") && e.get("on").getAsBoolean();
            Optional<String> whenOn = Optional.empty();
            if (e.has("fallthrough") && e.get("fallthrough").isJsonObject()) {
                JsonObject ft = e.getAsJsonObject("fallthrough");
                whenOn = ft.has("variation") ? variation(variations, ft.get("variation").getAsInt())
                        : ft.has("rollout") ? Optional.of("a percentage rollout") : Optional.empty();
            }
            Optional<String> whenOff = e.has("offVariation") && !e.get("offVariation").isJsonNull()
                    ? variation(variations, e.get("offVariation").getAsInt()) : Optional.empty();
            Optional<Instant> modified = e.has("_lastModified") && !e.get("_lastModified").isJsonNull()
                    ? Optional.of(Instant.ofEpochMilli(e.get("_lastModified").getAsLong())) : Optional.empty();
            states.put(env, new FlagProvider.EnvironmentState(on, whenOn, whenOff, modified));
        }
        String name = flag.has("name") && flag.get("name").isJsonPrimitive() ? flag.get("name").getAsString() : flagKey;
        return new FlagProvider.Reading(flagKey, name, variations, states);
    }

    private static Optional<String> variation(List<String> variations, int index) {
        return index >= 0 && index < variations.size() ? Optional.of(variations.get(index)) : Optional.empty();
    }

    private static String text(JsonElement value) {
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }
}
