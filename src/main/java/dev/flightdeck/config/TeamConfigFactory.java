package dev.flightdeck.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.flightdeck.team.TeamConfig;

/**
 * The team config as a bean, built at start-up (@Context) so a bad file stops the service with every error listed
 * instead of failing the first /deploy.
 * <p>
 * Micronaut also loads these files as property sources; we read them again ourselves because its binding loses key
 * paths and accepts unknown keys silently.
 */
@Factory
public class TeamConfigFactory {
    public static final String CONFIG_FILES_PROPERTY = "micronaut.config.files";
    public static final String CONFIG_FILES_ENV = "MICRONAUT_CONFIG_FILES";
    private static final Logger LOG = LoggerFactory.getLogger(TeamConfigFactory.class);

    @Context
    public TeamConfig teamConfig(Environment environment) {
        return load(configFilesSetting(environment));
    }

    /**
     * Micronaut reads the file list from the system property and the environment variable directly; the environment
     * variable also appears as a property, but a system property set after start-up may not, so look at all three.
     */
    static Optional<String> configFilesSetting(Environment environment) {
        return environment.getProperty(CONFIG_FILES_PROPERTY, String.class)
                .or(() -> Optional.ofNullable(System.getProperty(CONFIG_FILES_PROPERTY)))
                .or(() -> Optional.ofNullable(System.getenv(CONFIG_FILES_ENV)))
                .filter(s -> !s.isBlank());
    }

    /** @throws TeamConfigException listing every error, one per line */
    public static TeamConfig load(Optional<String> filesSetting) {
        List<Path> files = TeamConfigFiles.yamlFiles(filesSetting.orElse(null));
        if (files.isEmpty()) {
            LOG.warn("No team config file: set {} to the path of your flightdeck.yml (see flightdeck.example.yml). "
                    + "Starting with no environments and no services.", CONFIG_FILES_ENV);
            return TeamConfig.empty();
        }
        TeamConfig config = TeamConfigParser.parseFiles(files).orElseThrow();
        LOG.info("Team config from {}: {} environments ({}), {} services ({})",
                files.stream().map(Path::toString).collect(Collectors.joining(", ")),
                config.environments().size(), String.join(", ", config.environments().keySet()),
                config.services().size(), String.join(", ", config.services().keySet()));
        return config;
    }
}
