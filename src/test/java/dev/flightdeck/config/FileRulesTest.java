package dev.flightdeck.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.flightdeck.config.TeamConfigs.PROD;
import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.TeamConfig;

/** Whole-file behaviour: syntax, top level, incidents and webhooks, several files, no file. */
class FileRulesTest {

    @Test
    void keyPathsNameWhatEveryFileSetsNestedOrFlat(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path a = java.nio.file.Files.writeString(dir.resolve("a.yml"), "micronaut:\n  server:\n    port: 9090\nflightdeck:\n  services: {}\n");
        Path b = java.nio.file.Files.writeString(dir.resolve("b.yml"), "slack.signing-secret: x\n");
        Path broken = java.nio.file.Files.writeString(dir.resolve("c.yml"), "a: [\n");
        assertThat(TeamConfigParser.keyPaths(List.of(a, b, broken, dir.resolve("missing.yml"))))
                .contains("micronaut.server.port", "slack.signing-secret")
                .noneMatch(path -> path.startsWith("a"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        Path file = Path.of("src/test/resources/teamconfig/syntax-error.yml");
        var result = (ParseResult.Invalid) TeamConfigParser.parseFiles(List.of(file));
        assertThat(result.errors()).singleElement().asString()
                .startsWith(file + ": line 6, column 6: YAML syntax error:")
                .endsWith("(check the indentation of this line)");
    }

    @Test
    void duplicateKeysAreErrorsNotSilentlyOverwritten() {
        assertThat(errors(PROD + "      approvals: 2\n")).singleElement().asString()
                .isEqualTo("flightdeck.yml: line 7, column 7: YAML syntax error: found duplicate key approvals");
    }

    @Test
    void aFileWithoutAFlightdeckSectionIsAnEmptyConfig() {
        TeamConfig config = valid("micronaut:\n  server:\n    port: 8080\n");
        assertThat(config).isEqualTo(TeamConfig.empty());
        assertThat(valid("")).isEqualTo(TeamConfig.empty());
    }

    @Test
    void flightdeckKeysOutOfPlaceAreCaught() {
        assertThat(errors("environments:\n  prod: {}\nflighdeck: {}\n")).containsExactly(
                "flightdeck.yml: environments: belongs under flightdeck: (write flightdeck.environments)",
                "flightdeck.yml: flighdeck: unknown key; did you mean \"flightdeck\"?");
        assertThat(errors("- a\n- b\n")).containsExactly(
                "flightdeck.yml: must be a YAML map with a flightdeck: section, got a list");
    }

    @Test
    void incidentDefaultsAndOverrides() {
        IncidentsConfig defaults = valid(PROD).incidents();
        assertThat(defaults).isEqualTo(IncidentsConfig.defaults());
        assertThat(defaults.updateEvery(Severity.SEV2)).contains(Duration.ofMinutes(60));
        assertThat(defaults.updateEvery(Severity.SEV4)).isEmpty();

        IncidentsConfig custom = valid(PROD + """
                  incidents:
                    update-every: { sev1: 15m, sev3: none, sev4: 1d }
                    timeline-reaction: ":memo:"
                """).incidents();
        assertThat(custom.updateEvery(Severity.SEV1)).contains(Duration.ofMinutes(15));
        assertThat(custom.updateEvery(Severity.SEV2)).contains(Duration.ofMinutes(60));
        assertThat(custom.updateEvery(Severity.SEV3)).isEmpty();
        assertThat(custom.updateEvery(Severity.SEV4)).contains(Duration.ofDays(1));
        assertThat(custom.timelineReaction()).isEqualTo("memo");
    }

    @Test
    void incidentMistakes() {
        assertThat(errors(PROD + """
                  incidents:
                    announce-channel: incidents
                    update-every: { sev5: 1h, sev2: soon }
                """)).containsExactly(
                "flightdeck.yml: flightdeck.incidents.announce-channel: must be a channel id like C0123 or a "
                        + "#channel-name (lowercase), got \"incidents\"; did you mean \"#incidents\"?",
                "flightdeck.yml: flightdeck.incidents.update-every.sev5: unknown key; did you mean \"sev1\"?",
                "flightdeck.yml: flightdeck.incidents.update-every.sev2: must be a duration like 30m, 1h or 4h, "
                        + "or none, got \"soon\"");
    }

    @Test
    void webhookSettingsAreVariableNames() {
        assertThat(errors(PROD + "  webhooks: { github-secret-env: \"s3cr3t value!\" }\n")).singleElement().asString()
                .startsWith("flightdeck.yml: flightdeck.webhooks.github-secret-env: must be the name of")
                .doesNotContain("s3cr3t");
    }

    @Test
    void laterFilesWinPerKeyAndErrorsNameTheFileThatSetTheKey() {
        var base = new TeamConfigParser.Source("base.yml", PROD + "      nudge-after: 20m\n");
        var override = new TeamConfigParser.Source("prod.yml", """
                flightdeck:
                  environments:
                    prod:
                      approvals: 2
                """);
        EnvironmentConfig prod = TeamConfigParser.parseSources(List.of(base, override)).orElseThrow()
                .environment("prod").orElseThrow();
        assertThat(prod.approvals()).isEqualTo(2);
        assertThat(prod.nudgeAfter()).isEqualTo(Duration.ofMinutes(20));
        assertThat(prod.approvers()).containsExactly(new ApproverRef.Group("release-managers"));

        var bad = new TeamConfigParser.Source("prod.yml", "flightdeck: { environments: { prod: { approvals: x } } }");
        var result = (ParseResult.Invalid) TeamConfigParser.parseSources(List.of(base, bad));
        assertThat(result.errors()).containsExactly(new ConfigError("prod.yml",
                "flightdeck.environments.prod.approvals", "must be a whole number >= 0, got \"x\""));
    }

    @Test
    void aMissingFileIsAnError() {
        var result = (ParseResult.Invalid) TeamConfigParser.parseFiles(List.of(Path.of("no/such/flightdeck.yml")));
        assertThat(result.errors()).containsExactly(new ConfigError(Path.of("no/such/flightdeck.yml").toString(), "",
                "file not found"));
    }
}
