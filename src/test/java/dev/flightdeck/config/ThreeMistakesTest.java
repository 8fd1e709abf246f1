package dev.flightdeck.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThreeMistakesTest {

    @Test
    void everyMistakeIsReportedWithItsFileAndKeyPath() {
        Path file = Path.of("src/test/resources/teamconfig/three-mistakes.yml");
        ParseResult result = TeamConfigParser.parseFiles(List.of(file));

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid) result).errors()).map(ConfigError::toString).containsExactlyInAnyOrder(
                file + ": flightdeck.environments.prod.approvals: must be a whole number >= 0, got \"one\"",
                file + ": flightdeck.environments.prod.aproverz: unknown key; did you mean \"approvers\"?",
                file + ": flightdeck.services.commons.build: exactly one backend "
                        + "(jenkins, circleci, github-actions, codebuild), got 2: jenkins, codebuild");
    }

    @Test
    void theStartUpExceptionListsEachErrorOnItsOwnLine() {
        Path file = Path.of("src/test/resources/teamconfig/three-mistakes.yml");
        TeamConfigException e = org.junit.jupiter.api.Assertions.assertThrows(TeamConfigException.class,
                () -> TeamConfigParser.parseFiles(List.of(file)).orElseThrow());

        assertThat(e.errors()).hasSize(3);
        assertThat(e.getMessage().lines().filter(l -> l.contains(file.toString()))).hasSize(3);
        assertThat(e.getMessage()).contains("flightdeck.environments.prod.approvals",
                "flightdeck.environments.prod.aproverz", "flightdeck.services.commons.build");
    }
}
