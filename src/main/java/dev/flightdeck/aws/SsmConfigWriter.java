package dev.flightdeck.aws;

import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.EnvTemplates;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ConfigWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

import java.util.Comparator;
import java.util.Optional;

/**
 * Writes one SSM parameter, conditional on its version. SSM has no conditional write, so the version is read
 * (DescribeParameters) right before the put, and the put's returned version is checked after it: a write by
 * someone else that lands after our read and before our put is not prevented. It is detected, though: our version
 * is then not the one we read + 1, and the result is {@link VersionMoved} naming who wrote the version in between
 * (the parameter's history keeps both values), never a quiet success. Creating a parameter that must not exist is
 * truly conditional (Overwrite=false). Nothing here logs or throws a value; SDK messages are never repeated
 * (AWS echoes values in validation errors), only {@link AwsErrors#describe}.
 */
public class SsmConfigWriter implements ConfigWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SsmConfigWriter.class);
    private final AwsClients clients;

    public SsmConfigWriter(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Result set(ConfigTarget target, String expectedVersion, String value, Optional<String> kmsKey) {
        String name = target.source();
        try {
            Optional<ParameterMetadata> current = describe(name);
            Optional<Result> moved = moved(current, expectedVersion);
            if (moved.isPresent()) {
                return moved.get();
            }
            PutParameterRequest.Builder put = PutParameterRequest.builder().name(name).value(value)
                    .type(target.type()).overwrite(current.isPresent());
            if (ConfigEntry.SECURE_STRING.equals(target.type())) {
                // The team file's key, else the key the parameter is encrypted with now: a change never swaps keys silently.
                kmsKey.map(k -> EnvTemplates.forEnv(k, target.environment()))
                        .or(() -> current.map(ParameterMetadata::keyId))
                        .ifPresent(put::keyId);
            }
            long written;
            try {
                written = clients.ssm().putParameter(put.build()).version();
            } catch (ParameterAlreadyExistsException createdMeanwhile) {
                ParameterMetadata now = describe(name).orElseThrow(() -> createdMeanwhile);
                return new VersionMoved(Long.toString(now.version()), by(now));
            }
            long expectedNext = current.map(m -> m.version() + 1).orElse(1L);
            if (written != expectedNext) {
                // Someone wrote between our read and our put; our value is stored over theirs (history keeps theirs).
                LOG.warn("SSM parameter {} was written by someone else just before Flightdeck's write (version {} expected, "
                        + "{} stored)", name, expectedNext, written);
                return new VersionMoved(Long.toString(written), historyUser(name, expectedNext));
            }
            LOG.info("Wrote SSM parameter {} ({}), version {}", name, target.type(), written);
            return new Written(Long.toString(written));
        } catch (SdkException | AwsNotConfiguredException e) {
            return new Failed("SSM parameter " + name + ": " + AwsErrors.describe(e));
        }
    }

    /** Deletes the parameter after the version check; {@link Written} then carries "" (no version: it is gone). */
    @Override
    public Result unset(ConfigTarget target, String expectedVersion) {
        String name = target.source();
        try {
            Optional<ParameterMetadata> current = describe(name);
            if (current.isEmpty() && expectedVersion.isEmpty()) {
                return new Written("");
            }
            Optional<Result> moved = moved(current, expectedVersion);
            if (moved.isPresent()) {
                return moved.get();
            }
            try {
                clients.ssm().deleteParameter(r -> r.name(name));
            } catch (ParameterNotFoundException deletedMeanwhile) {
                return new VersionMoved("", Optional.empty());
            }
            LOG.info("Deleted SSM parameter {} (was version {})", name, expectedVersion);
            return new Written("");
        } catch (SdkException | AwsNotConfiguredException e) {
            return new Failed("SSM parameter " + name + ": " + AwsErrors.describe(e));
        }
    }

    /** The value of the highest version below {@code version} in the parameter's history (decrypted, memory only). */
    @Override
    public Optional<String> valueBefore(ConfigTarget target, String version) {
        String name = target.source();
        long asked;
        try {
            asked = Long.parseLong(version);
        } catch (NumberFormatException notAVersion) {
            return Optional.empty();
        }
        try {
            return clients.ssm().getParameterHistoryPaginator(r -> r.name(name).withDecryption(true).maxResults(50))
                    .stream().flatMap(page -> page.parameters().stream())
                    .filter(h -> h.version() != null && h.version() < asked)
                    .max(Comparator.comparingLong(ParameterHistory::version))
                    .map(ParameterHistory::value);
        } catch (ParameterNotFoundException gone) {
            return Optional.empty();
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new ConfigSourceException("SSM parameter " + name + ": " + AwsErrors.describe(e), e);
        }
    }

    /** The parameter's metadata now (version, KeyId, LastModifiedUser); empty when it does not exist. */
    private Optional<ParameterMetadata> describe(String name) {
        return clients.ssm().describeParameters(r -> r.parameterFilters(
                        ParameterStringFilter.builder().key("Name").option("Equals").values(name).build()))
                .parameters().stream().filter(p -> name.equals(p.name())).findFirst();
    }

    private static Optional<Result> moved(Optional<ParameterMetadata> current, String expectedVersion) {
        String now = current.map(m -> Long.toString(m.version())).orElse("");
        if (now.equals(expectedVersion)) {
            return Optional.empty();
        }
        return Optional.of(new VersionMoved(now, current.flatMap(SsmConfigWriter::by)));
    }

    private static Optional<String> by(ParameterMetadata meta) {
        return Optional.ofNullable(meta.lastModifiedUser()).filter(u -> !u.isBlank()).map(SsmConfigSource::shortUser);
    }

    /** Who wrote {@code version}, from the history (without decryption: only the metadata is wanted). */
    private Optional<String> historyUser(String name, long version) {
        try {
            return clients.ssm().getParameterHistoryPaginator(r -> r.name(name).withDecryption(false).maxResults(50))
                    .stream().flatMap(page -> page.parameters().stream()).filter(h -> h.version() != null && h.version() == version).findFirst()
                    .map(ParameterHistory::lastModifiedUser).filter(u -> !u.isBlank()).map(SsmConfigSource::shortUser);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SsmConfigWriter";
    }
}
