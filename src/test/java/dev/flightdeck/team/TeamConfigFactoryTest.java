package dev.flightdeck.team;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.flightdeck.config.TeamConfigFactory;
import dev.flightdeck.config.TeamConfigFiles;

class TeamConfigFactoryTest {

    @Test
    void noFileConfiguredGivesAnEmptyConfig() {
        assertThat(TeamConfigFactory.load(Optional.empty())).isEqualTo(TeamConfig.empty());
    }

    @Test
    void nonYamlFilesAreLeftToMicronaut() {
        assertThat(TeamConfigFiles.yamlFiles("file:a.yml, b.properties,c.yaml,,d.json"))
                .extracting(Object::toString).containsExactly("a.yml", "c.yaml", "d.json");
    }

    @Test
    void theBeanIsBuiltFromTheConfiguredFiles() {
        try (ApplicationContext ctx = context("flightdeck.example.yml")) {
            assertThat(ctx.getBean(TeamConfig.class).environments()).containsOnlyKeys("dev", "staging", "prod");
        }
    }

    @Test
    void aBadFileFailsStartUpWithEveryErrorListed() {
        String file = "src/test/resources/teamconfig/three-mistakes.yml";
        assertThatThrownBy(() -> context(file).close())
                .hasStackTraceContaining(file + ": flightdeck.environments.prod.approvals: must be a whole number")
                .hasStackTraceContaining(file + ": flightdeck.environments.prod.aproverz: unknown key")
                .hasStackTraceContaining(file + ": flightdeck.services.commons.build: exactly one backend");
    }

    /** A bare context (no server), started as at start-up so @Context beans are built eagerly. */
    private static ApplicationContext context(String files) {
        return ApplicationContext.builder()
                // The service's scheduled jobs start with the context and need their tables: an in-memory database.
                .properties(Map.of(TeamConfigFactory.CONFIG_FILES_PROPERTY, files,
                        "datasources.default.url", "jdbc:h2:mem:teamconfig-" + java.util.UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"))
                .start();
    }
}
