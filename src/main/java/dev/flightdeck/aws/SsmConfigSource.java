package dev.flightdeck.aws;

import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigSource;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.SourceRead;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SSM Parameter Store by path (recursive, every page). {@code SecureString} values are decrypted only to be
 * fingerprinted and are dropped at once; a fingerprint of the ciphertext would differ for equal values. Who changed
 * a parameter last comes from DescribeParameters (GetParametersByPath does not say).
 */
@Singleton
public class SsmConfigSource implements ConfigSource {

    private final AwsClients clients;
    // A provider: the key is read from the database on first use, not while the application starts.
    private final Provider<Fingerprinter> fingerprints;

    public SsmConfigSource(AwsClients clients, Provider<Fingerprinter> fingerprints) {
        this.clients = clients;
        this.fingerprints = fingerprints;
    }

    @Override
    public String name() {
        return "SSM Parameter Store";
    }

    @Override
    public int precedence() {
        return 1;
    }

    @Override
    public SourceRead read(String service, String env, EnvConfigSettings settings) {
        Optional<String> configured = settings.ssmPathFor(env);
        if (configured.isEmpty()) {
            return SourceRead.EMPTY;
        }
        String path = normalise(configured.get());
        try {
            Map<String, ParameterMetadata> metadata = new HashMap<>();
            clients.ssm().describeParametersPaginator(r -> r.maxResults(50).parameterFilters(
                            ParameterStringFilter.builder().key("Path").option("Recursive").values(path).build()))
                    .forEach(page -> page.parameters().forEach(m -> metadata.put(m.name(), m)));
            List<ConfigEntry> entries = new ArrayList<>();
            clients.ssm().getParametersByPathPaginator(r -> r.path(path).recursive(true).withDecryption(true).maxResults(10))
                    .forEach(page -> {
                        for (Parameter p : page.parameters()) {
                            entries.add(entry(path, p, Optional.ofNullable(metadata.get(p.name()))));
                        }
                    });
            List<String> problems = entries.isEmpty()
                    ? List.of("no parameters under " + path + " (SSM Parameter Store)") : List.of();
            return new SourceRead(entries, problems);
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new ConfigSourceException("SSM Parameter Store path " + path + ": " + AwsErrors.describe(e), e);
        }
    }

    /** The decrypted {@code SecureString} values under the path, for masking only (see {@link ConfigSource}). */
    @Override
    public List<String> secretValues(String service, String env, EnvConfigSettings settings) {
        Optional<String> configured = settings.ssmPathFor(env);
        if (configured.isEmpty()) {
            return List.of();
        }
        String path = normalise(configured.get());
        try {
            List<String> values = new ArrayList<>();
            clients.ssm().getParametersByPathPaginator(r -> r.path(path).recursive(true).withDecryption(true).maxResults(10))
                    .forEach(page -> page.parameters().stream().filter(p -> p.type() == ParameterType.SECURE_STRING)
                            .forEach(p -> values.add(p.value())));
            return values;
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new ConfigSourceException("SSM Parameter Store path " + path + ": " + AwsErrors.describe(e), e);
        }
    }

    private ConfigEntry entry(String path, Parameter p, Optional<ParameterMetadata> meta) {
        String key = p.name().startsWith(path + "/") ? p.name().substring(path.length() + 1) : p.name();
        String version = Long.toString(p.version());
        var modified = Optional.ofNullable(p.lastModifiedDate());
        var by = meta.map(ParameterMetadata::lastModifiedUser).map(SsmConfigSource::shortUser);
        if (p.type() == ParameterType.SECURE_STRING) {
            return ConfigEntry.secret(key, p.name(), ConfigEntry.SECURE_STRING, fingerprints.get().of(p.value()), version,
                    modified, by);
        }
        return ConfigEntry.plain(key, p.name(), p.typeAsString(), p.value(), fingerprints.get(), version, modified, by);
    }

    /** SSM wants "/a/b" (no trailing slash); team files often write "/a/b/". */
    static String normalise(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** "arn:aws:iam::123456789012:user/alice" → "user/alice"; the account id adds nothing for people. */
    static String shortUser(String arn) {
        int colon = arn.lastIndexOf(':');
        return arn.startsWith("arn:") && colon >= 0 ? arn.substring(colon + 1) : arn;
    }

    @Override
    public String toString() {
        return "SsmConfigSource";
    }
}
