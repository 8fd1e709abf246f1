package dev.flightdeck.config;

import org.junit.jupiter.api.Test;

import static dev.flightdeck.config.TeamConfigs.PROD;
import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.envconfig.ConfigRules;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.TeamConfig;

class ServiceRulesTest {
    private static final String S = "flightdeck.yml: flightdeck.services.commons.";
    private static final String SERVICE = PROD + """
              services:
                commons:
                  build:
                    codebuild: { project: "commons-{env}" }
            """;

    private static String with(String extra) {
        return SERVICE + extra.indent(6);
    }

    @Test
    void aServiceNeedsABuildBackend() {
        assertThat(errors(PROD + "  services:\n    commons:\n      health: {}\n")).containsExactly(
                S + "build: is required: exactly one backend (jenkins, circleci, github-actions, codebuild)");
        assertThat(errors(PROD + "  services:\n    commons:\n      build: {}\n")).containsExactly(
                S + "build: exactly one backend (jenkins, circleci, github-actions, codebuild), got none");
    }

    @Test
    void aMistypedBackendIsOneErrorWithASuggestion() {
        assertThat(errors(SERVICE.replace("codebuild:", "code-build:")))
                .containsExactly(S + "build.code-build: unknown key; did you mean \"codebuild\"?");
    }

    @Test
    void eachBackendChecksItsRequiredSettings() {
        assertThat(errors(SERVICE.replace("codebuild: { project: \"commons-{env}\" }",
                "jenkins: { url: \"jenkins.example.com\", job: x }"))).containsExactly(
                S + "build.jenkins.url: must be an http:// or https:// URL, got \"jenkins.example.com\"",
                S + "build.jenkins.user: is required",
                S + "build.jenkins.token-env: is required");
        assertThat(errors(SERVICE.replace("codebuild: { project: \"commons-{env}\" }",
                "github-actions: { repo: commons, workflow: deploy.yml, token-env: GH }"))).containsExactly(
                S + "build.github-actions.repo: must be owner/name, e.g. acme/commons, got \"commons\"");
    }

    @Test
    void aTokenPastedIntoTokenEnvIsRejectedWithoutEchoingIt() {
        String token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
        String yaml = SERVICE.replace("codebuild: { project: \"commons-{env}\" }",
                "circleci: { project: gh/acme/commons, token-env: \"" + token + "-x\" }");
        assertThat(errors(yaml)).singleElement().asString()
                .startsWith(S + "build.circleci.token-env: must be the name of the environment variable")
                .doesNotContain(token);
    }

    @Test
    void aCircleciDefinitionIdIsAUuidAndABadOneIsReportedWithItsPath() {
        String circle = "circleci: { project: circleci/DdaVtNusHqi24D4YT3X4eu/6EkDPZoN4ZdMKKZtBkRodt, token-env: CIRCLE_TOKEN,"
                + " definition-id: %s }";
        TeamConfig config = valid(SERVICE.replace("codebuild: { project: \"commons-{env}\" }",
                circle.formatted("2f7b6e3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b")));
        assertThat(((BuildBackendConfig.CircleCi) config.service("commons").orElseThrow().build()).definitionId())
                .isEqualTo("2f7b6e3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(errors(SERVICE.replace("codebuild: { project: \"commons-{env}\" }", circle.formatted("deploy-pipeline"))))
                .singleElement().asString().startsWith(S + "build.circleci.definition-id: must be the pipeline definition's id")
                .endsWith("got \"deploy-pipeline\"");
    }

    @Test
    void githubRefDefaultsToMain() {
        TeamConfig config = valid(SERVICE.replace("codebuild: { project: \"commons-{env}\" }",
                "github-actions: { repo: acme/commons, workflow: deploy.yml, token-env: GH_TOKEN }"));
        assertThat(((BuildBackendConfig.GithubActions) config.service("commons").orElseThrow().build()).ref())
                .isEqualTo("main");
    }

    @Test
    void aMistypedPlaceholderIsCaught() {
        assertThat(errors(SERVICE.replace("commons-{env}", "commons-{environment}"))).containsExactly(
                S + "build.codebuild.project: unknown placeholder {environment}; only {env} is replaced");
    }

    @Test
    void invalidRegexIsReportedAtItsKey() {
        assertThat(errors(with("""
                config:
                  rules:
                    patterns:
                      QUEUE_URL: "^https://(sqs"
                """))).singleElement().asString()
                .startsWith(S + "config.rules.patterns.QUEUE_URL: invalid regex: Unclosed group");
    }

    @Test
    void ssmPathMustBeAPath() {
        assertThat(errors(with("config: { ssm-path: \"commons/{env}\" }"))).containsExactly(
                S + "config.ssm-path: must start with / (an SSM Parameter Store path), got \"commons/{env}\"");
    }

    @Test
    void rulesAreBound() {
        ConfigRules rules = valid(with("""
                config:
                  rules:
                    required: [A, B]
                    patterns: { A: "-{env}$" }
                    differ-across-environments: [A]
                    unique-across-services: [B]
                """)).service("commons").orElseThrow().config().rules();
        assertThat(rules.required()).containsExactly("A", "B");
        assertThat(rules.valueMatches("A", "prod", "queue-prod")).isTrue();
        assertThat(rules.valueMatches("A", "prod", "queue-staging")).isFalse();
        assertThat(rules.valueMatches("B", "prod", "anything")).isTrue();
        assertThat(rules.differAcrossEnvironments()).containsExactly("A");
        assertThat(rules.uniqueAcrossServices()).containsExactly("B");
    }

    @Test
    void alarmsTakeExactlyOneSelector() {
        assertThat(errors(with("alarms: { prefix: \"commons-\", tag: { service: commons } }")))
                .containsExactly(S + "alarms: exactly one of prefix or tag, got both");
        assertThat(errors(with("alarms: { prefx: \"commons-\" }"))).containsExactly(
                S + "alarms.prefx: unknown key; did you mean \"prefix\"?",
                S + "alarms: exactly one of prefix or tag, got neither");
    }

    @Test
    void healthMustNameDefinedEnvironmentsAndUrls() {
        assertThat(errors(with("health: { prdo: \"https://commons.example.com/health\", prod: \"not a url\" }")))
                .containsExactly(
                        S + "health.prdo: no environment \"prdo\" in flightdeck.environments; did you mean \"prod\"?",
                        S + "health.prod: must be an http:// or https:// URL, got \"not a url\"");
    }

    @Test
    void serviceUnknownKeysAreReported() {
        assertThat(errors(with("alarm: { prefix: x }")))
                .containsExactly(S + "alarm: unknown key; did you mean \"alarms\"?");
    }
}
