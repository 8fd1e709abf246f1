package dev.flightdeck.config;

import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** The team-file keys config changes and the watch need (DESIGN section 12): config.changes, config.kms-key, config-watch. */
class ConfigChangeKeysRulesTest {

    private static final String S = "flightdeck.yml: flightdeck.services.commons.config.";
    private static final String TEAM = TeamConfigs.STAGING_AND_PROD + TeamConfigs.COMMONS;

    private static String config(String keys) {
        return TEAM + ("config:\n" + keys.indent(2)).indent(6);
    }

    private static EnvConfigSettings commons(String keys) {
        return valid(config(keys)).service("commons").orElseThrow().config();
    }

    @Test
    void changesAreOffUnlessTheTeamFileSaysSo() {
        assertThat(commons("ssm-path: /commons/{env}/\n").changes()).isFalse();
        EnvConfigSettings on = commons("ssm-path: /commons/{env}/\nchanges: true\nkms-key: alias/commons-{env}\n");
        assertThat(on.changes()).isTrue();
        assertThat(on.kmsKey()).contains("alias/commons-{env}");
    }

    @Test
    void changesNeedSomethingToChangeAndAreTrueOrFalse() {
        assertThat(errors(config("changes: true\n"))).containsExactly(
                S + "changes: needs ssm-path or secrets: there is nothing to change");
        assertThat(errors(config("ssm-path: /commons/{env}/\nchanges: yes please\n"))).containsExactly(
                S + "changes: must be true or false, got \"yes please\"");
    }

    @Test
    void aKmsKeyIsForSsmAndTakesOnlyTheEnvPlaceholder() {
        assertThat(errors(config("secrets: [\"commons/{env}\"]\nkms-key: alias/x\n"))).containsExactly(
                S + "kms-key: is the key SSM encrypts a changed SecureString with, so it needs ssm-path");
        assertThat(errors(config("ssm-path: /commons/{env}/\nkms-key: alias/{service}\n"))).containsExactly(
                S + "kms-key: unknown placeholder {service}; only {env} is replaced");
    }

    @Test
    void configWatchDefaultsToFiveMinutesAndIsAtLeastOne() {
        assertThat(valid(TEAM).configWatch()).isEqualTo(Duration.ofMinutes(5));
        assertThat(valid(TEAM.replace("flightdeck:\n", "flightdeck:\n  config-watch: 15m\n")).configWatch())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(errors(TEAM.replace("flightdeck:\n", "flightdeck:\n  config-watch: 10s\n"))).containsExactly(
                "flightdeck.yml: flightdeck.config-watch: must be at least 1m: each scan reads every changeable"
                        + " service's configuration");
    }

    @Test
    void theConfigChangeTestOverlayIsAValidTeamFile() throws Exception {
        TeamConfig team = valid(Files.readString(Path.of("flightdeck.example.yml")));
        assertThat(team.service("commons").orElseThrow().config().changes()).isFalse();
        ParseResult both = TeamConfigParser.parseSources(List.of(
                new TeamConfigParser.Source("flightdeck.example.yml", Files.readString(Path.of("flightdeck.example.yml"))),
                new TeamConfigParser.Source("config-changes.yml",
                        Files.readString(Path.of("src/test/resources/teamconfig/config-changes.yml")))));
        TeamConfig overlaid = ((ParseResult.Valid) both).config();
        assertThat(overlaid.service("mail").orElseThrow().config().changes()).isTrue();
        assertThat(overlaid.service("mail").orElseThrow().config().kmsKey()).isEqualTo(Optional.of("alias/mail-config"));
        assertThat(overlaid.service("mail-reader").orElseThrow().config().changes()).isFalse();
    }
}
