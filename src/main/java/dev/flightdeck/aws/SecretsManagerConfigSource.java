package dev.flightdeck.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.EnvTemplates;
import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigSource;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.SourceRead;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets Manager secrets of a service. Every value is secret: read only to fingerprint, never kept. A JSON object
 * secret gives one key per member; any other secret is one key named as the team config writes it
 * ({@code commons/{env}/db-password}), so the same secret compares across environments. Secrets Manager does not
 * say who changed a secret (CloudTrail does), so "by" stays empty.
 */
@Singleton
public class SecretsManagerConfigSource implements ConfigSource {

    private final AwsClients clients;
    // A provider: the key is read from the database on first use, not while the application starts.
    private final Provider<Fingerprinter> fingerprints;

    public SecretsManagerConfigSource(AwsClients clients, Provider<Fingerprinter> fingerprints) {
        this.clients = clients;
        this.fingerprints = fingerprints;
    }

    @Override
    public String name() {
        return "Secrets Manager";
    }

    @Override
    public int precedence() {
        return 2;
    }

    @Override
    public SourceRead read(String service, String env, EnvConfigSettings settings) {
        List<ConfigEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String template : settings.secrets()) {
            String name = EnvTemplates.forEnv(template, env);
            try {
                DescribeSecretResponse described = clients.secretsManager().describeSecret(r -> r.secretId(name));
                GetSecretValueResponse value = clients.secretsManager().getSecretValue(r -> r.secretId(name));
                Optional<Instant> changed = Optional.ofNullable(described.lastChangedDate())
                        .or(() -> Optional.ofNullable(value.createdDate()));
                String version = value.versionId() == null ? "" : value.versionId().substring(0, Math.min(8, value.versionId().length()));
                entries.addAll(entries(template, name, value, version, changed));
            } catch (ResourceNotFoundException e) {
                problems.add("secret " + name + " not found (Secrets Manager)");
            } catch (SdkException | AwsNotConfiguredException e) {
                throw new ConfigSourceException("Secrets Manager secret " + name + ": " + AwsErrors.describe(e), e);
            }
        }
        return new SourceRead(entries, problems);
    }

    /** Every secret's value, and each member of a JSON secret, for masking only (see {@link ConfigSource}). */
    @Override
    public List<String> secretValues(String service, String env, EnvConfigSettings settings) {
        List<String> values = new ArrayList<>();
        for (String template : settings.secrets()) {
            String name = EnvTemplates.forEnv(template, env);
            try {
                String text = clients.secretsManager().getSecretValue(r -> r.secretId(name)).secretString();
                if (text == null) {
                    continue;
                }
                values.add(text);
                jsonObject(text).ifPresent(members -> members.values().forEach(m ->
                        values.add(m.isJsonPrimitive() ? m.getAsString() : m.toString())));
            } catch (ResourceNotFoundException e) {
                // Nothing stored, nothing to mask.
            } catch (SdkException | AwsNotConfiguredException e) {
                throw new ConfigSourceException("Secrets Manager secret " + name + ": " + AwsErrors.describe(e), e);
            }
        }
        return values;
    }

    private List<ConfigEntry> entries(String template, String name, GetSecretValueResponse value, String version,
                                      Optional<Instant> changed) {
        if (value.secretString() == null) {
            String fp = value.secretBinary() == null ? fingerprints.get().of("") : fingerprints.get().of(value.secretBinary().asByteArray());
            return List.of(ConfigEntry.secret(template, name, ConfigEntry.SECRET_TYPE, fp, version, changed, Optional.empty()));
        }
        Optional<Map<String, JsonElement>> members = jsonObject(value.secretString());
        if (members.isEmpty()) {
            return List.of(ConfigEntry.secret(template, name, ConfigEntry.SECRET_TYPE, fingerprints.get().of(value.secretString()),
                    version, changed, Optional.empty()));
        }
        List<ConfigEntry> out = new ArrayList<>();
        members.get().forEach((key, member) -> {
            String text = member.isJsonPrimitive() ? member.getAsString() : member.toString();
            out.add(ConfigEntry.secret(key, name, ConfigEntry.SECRET_TYPE, fingerprints.get().of(text), version, changed,
                    Optional.empty()));
        });
        return out;
    }

    /** The members when the text is a JSON object; a parse failure is not reported (its message could quote the value). */
    private static Optional<Map<String, JsonElement>> jsonObject(String text) {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            return parsed.isJsonObject() ? Optional.of(parsed.getAsJsonObject().asMap()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SecretsManagerConfigSource";
    }
}
