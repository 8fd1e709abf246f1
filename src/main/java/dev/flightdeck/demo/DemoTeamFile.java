package dev.flightdeck.demo;

import dev.flightdeck.config.TeamConfigFactory;
import dev.flightdeck.config.TeamConfigFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --demo} without a team file would load demo history for services nobody configured, and the pages would be
 * empty. So the example team file travels inside the jar, and a demo run with no team file of its own uses it.
 */
public final class DemoTeamFile {

    /** Where the build puts a copy of flightdeck.example.yml (see the pom's resources). */
    static final String RESOURCE = "/demo/flightdeck.example.yml";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTeamFile.class);

    private DemoTeamFile() {
    }

    /**
     * When no team file is configured (neither the system property nor MICRONAUT_CONFIG_FILES), writes the bundled
     * example to a temporary file and points {@code micronaut.config.files} at it. A configured file always wins.
     */
    public static void useExampleWhenNoneGiven() {
        if (!TeamConfigFiles.fromProcess().isEmpty()) {
            return;
        }
        try (InputStream example = DemoTeamFile.class.getResourceAsStream(RESOURCE)) {
            if (example == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE + "; rebuild it with ./mvnw package");
            }
            Path copy = Files.createTempFile("flightdeck-demo-team-", ".yml");
            copy.toFile().deleteOnExit();
            Files.copy(example, copy, StandardCopyOption.REPLACE_EXISTING);
            System.setProperty(TeamConfigFactory.CONFIG_FILES_PROPERTY, copy.toString());
            LOG.info("--demo with no team file ({} unset): using the example team file flightdeck.example.yml",
                    TeamConfigFactory.CONFIG_FILES_ENV);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the example team file for --demo", e);
        }
    }
}
