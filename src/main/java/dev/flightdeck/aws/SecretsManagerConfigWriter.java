package dev.flightdeck.aws;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ConfigWriter;
import jakarta.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes one key of a Secrets Manager secret: a member of a JSON object secret (every other member kept, in its
 * order), or the whole secret when it is not JSON. The version compared is the secret's, as
 * {@link SecretsManagerConfigSource} shows it (the first 8 characters of the AWSCURRENT version id), so a change
 * to another member of the same secret also counts as "moved". Secrets Manager has no conditional put either; the
 * version is read right before the put. The put's ClientRequestToken is derived from the change (secret, key,
 * expected version, value) with the installation's HMAC key, so a retry of the same change writes nothing twice
 * and is recognised as already written; the token becomes the new version id, so it must not be a plain hash of
 * the value. Secrets Manager does not say who changed a secret: "by" stays empty.
 */
public class SecretsManagerConfigWriter implements ConfigWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerConfigWriter.class);
    // Values are written back as they were typed: no HTML escaping of '=', '<', '&'.
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final AwsClients clients;
    private final Provider<Fingerprinter> fingerprints;

    public SecretsManagerConfigWriter(AwsClients clients, Provider<Fingerprinter> fingerprints) {
        this.clients = clients;
        this.fingerprints = fingerprints;
    }

    @Override
    public Result set(ConfigTarget target, String expectedVersion, String value, Optional<String> kmsKey) {
        return write(target, expectedVersion, Optional.of(value));
    }

    /** Removes the member from the JSON secret. A secret that is not JSON is one key: it cannot be unset here. */
    @Override
    public Result unset(ConfigTarget target, String expectedVersion) {
        return write(target, expectedVersion, Optional.empty());
    }

    private Result write(ConfigTarget target, String expectedVersion, Optional<String> value) {
        String name = target.source();
        try {
            GetSecretValueResponse current = clients.secretsManager().getSecretValue(r -> r.secretId(name));
            String token = token(target, expectedVersion, value);
            if (token.equals(current.versionId())) {
                return new Written(shortId(token)); // this very change was written by an earlier try
            }
            if (current.secretString() == null) {
                return new Failed("secret " + name + " holds binary data; Flightdeck changes text and JSON secrets only");
            }
            Optional<JsonObject> json = jsonObject(current.secretString());
            String now = shortId(current.versionId());
            boolean memberExists = json.map(o -> o.has(target.key())).orElse(true);
            // "" (the key did not exist at proposal) must still not exist; otherwise the secret's version must match.
            boolean unchanged = expectedVersion.isEmpty() ? !memberExists : now.equals(expectedVersion);
            if (!unchanged) {
                return new VersionMoved(now, Optional.empty());
            }
            String next;
            if (json.isEmpty()) {
                if (value.isEmpty()) {
                    return new Failed("secret " + name + " is not JSON, so " + target.key() + " is the whole secret; "
                            + "a whole secret cannot be unset through Flightdeck (delete it in Secrets Manager)");
                }
                next = value.get();
            } else {
                JsonObject members = json.get();
                if (value.isEmpty()) {
                    if (!members.has(target.key())) {
                        return new Written(now);
                    }
                    members.remove(target.key());
                } else {
                    members.add(target.key(), member(members.get(target.key()), value.get()));
                }
                next = GSON.toJson(members);
            }
            String written = clients.secretsManager().putSecretValue(r -> r.secretId(name).secretString(next)
                    .clientRequestToken(token)).versionId();
            LOG.info("Wrote {} of secret {} (Secrets Manager), version {} → {}", value.isPresent() ? "a member" : "the removal of a member",
                    name, now, shortId(written));
            return new Written(shortId(written));
        } catch (ResourceNotFoundException e) {
            return new Failed("secret " + name + " does not exist in Secrets Manager; Flightdeck changes existing secrets only");
        } catch (SdkException | AwsNotConfiguredException e) {
            return new Failed("Secrets Manager secret " + name + ": " + AwsErrors.describe(e));
        }
    }

    /**
     * The key's value in the version created just before {@code version} (a short or full version id), in memory
     * only. Versions are ordered by creation date; AWS keeps only the most recent ones, so an old change may
     * have nothing to revert to.
     */
    @Override
    public Optional<String> valueBefore(ConfigTarget target, String version) {
        String name = target.source();
        try {
            List<SecretVersionsListEntry> versions = new ArrayList<>();
            clients.secretsManager().listSecretVersionIdsPaginator(r -> r.secretId(name).includeDeprecated(true))
                    .forEach(page -> versions.addAll(page.versions()));
            // A stable sort: entries with equal dates keep the order AWS listed them in.
            versions.sort(Comparator.comparing(v -> Optional.ofNullable(v.createdDate()).orElse(Instant.EPOCH)));
            int at = -1;
            for (int i = 0; i < versions.size(); i++) {
                if (!version.isEmpty() && versions.get(i).versionId().startsWith(version)) {
                    at = i;
                }
            }
            if (at <= 0) {
                return Optional.empty();
            }
            String before = versions.get(at - 1).versionId();
            String text = clients.secretsManager().getSecretValue(r -> r.secretId(name).versionId(before)).secretString();
            if (text == null) {
                return Optional.empty();
            }
            Optional<JsonObject> json = jsonObject(text);
            if (json.isEmpty()) {
                return Optional.of(text);
            }
            JsonElement member = json.get().get(target.key());
            return member == null || member.isJsonNull() ? Optional.empty()
                    : Optional.of(member.isJsonPrimitive() ? member.getAsString() : member.toString());
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new ConfigSourceException("Secrets Manager secret " + name + ": " + AwsErrors.describe(e), e);
        }
    }

    /** Keeps a number a number and a boolean a boolean when the new text still is one; anything else is a string. */
    private static JsonElement member(JsonElement old, String value) {
        if (old != null && old.isJsonPrimitive()) {
            JsonPrimitive p = old.getAsJsonPrimitive();
            if (p.isNumber() && JSON_NUMBER.matcher(value).matches()) {
                return JsonParser.parseString(value); // keeps the digits exactly as typed
            }
            if (p.isBoolean() && (value.equals("true") || value.equals("false"))) {
                return new JsonPrimitive(Boolean.parseBoolean(value));
            }
        }
        return new JsonPrimitive(value);
    }

    /**
     * 32 hex characters (Secrets Manager wants 32–64) from four installation-keyed fingerprints of the change.
     * Keyed, because the token becomes the new version id, which anyone allowed to list versions can read.
     */
    private String token(ConfigTarget target, String expectedVersion, Optional<String> value) {
        String change = target.source() + "\n" + target.key() + "\n" + expectedVersion + "\n"
                + value.map(v -> "set\n" + v).orElse("unset");
        Fingerprinter f = fingerprints.get();
        StringBuilder token = new StringBuilder();
        for (int part = 0; part < 4; part++) {
            token.append(f.of("flightdeck-config-write-" + part + "\n" + change));
        }
        return token.toString();
    }

    static String shortId(String versionId) {
        return versionId == null ? "" : versionId.substring(0, Math.min(8, versionId.length()));
    }

    /** The members when the text is a JSON object; a parse failure is not reported (its message could quote the value). */
    private static Optional<JsonObject> jsonObject(String text) {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            return parsed.isJsonObject() ? Optional.of(parsed.getAsJsonObject()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SecretsManagerConfigWriter";
    }
}
