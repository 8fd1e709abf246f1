package dev.flightdeck.config;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.team.TeamConfig;

/** Test helpers: parse YAML text as if it were flightdeck.yml. */
final class TeamConfigs {
    static final String FILE = "flightdeck.yml";

    /** A valid environment block to build on, indented for flightdeck.environments.prod. */
    static final String PROD = """
            flightdeck:
              environments:
                prod:
                  channel: "#deploys"
                  approvals: 1
                  approvers: ["@release-managers"]
            """;

    /** Staging (announce only) and prod (one approval), indented so an environment key can follow for prod. */
    static final String STAGING_AND_PROD = """
            flightdeck:
              environments:
                staging:
                  channel: "#deploys"
                  approvals: 0
                prod:
                  channel: "#deploys"
                  approvals: 1
                  approvers: ["@release-managers"]
            """;

    /** A services block with commons on CodeBuild, indented so a service key can follow for commons. */
    static final String COMMONS = """
              services:
                commons:
                  build:
                    codebuild: { project: "commons-{env}" }
            """;

    private TeamConfigs() {
    }

    static TeamConfig valid(String yaml) {
        ParseResult result = TeamConfigParser.parseText(FILE, yaml);
        assertThat(result).as("parse result of:\n%s", yaml).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).config();
    }

    /** The errors, each as its printed line. */
    static List<String> errors(String yaml) {
        ParseResult result = TeamConfigParser.parseText(FILE, yaml);
        assertThat(result).as("parse result of:\n%s", yaml).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).errors().stream().map(ConfigError::toString).toList();
    }
}
