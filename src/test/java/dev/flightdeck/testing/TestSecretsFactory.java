package dev.flightdeck.testing;

import dev.flightdeck.secrets.EnvSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/** Credentials the test apps see instead of the process environment: fake values, never real ones. */
@Factory
@Requires(property = TestClockFactory.PROPERTY, value = "true")
public class TestSecretsFactory {

    public static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("JENKINS_TOKEN", "11aa22bb33cc44dd55ee66ff77aa88bb99"),
            Map.entry("CIRCLE_TOKEN", "CCIPAT_fake_circle_token_000000"),
            Map.entry("GITHUB_TOKEN", "ghp_fakeGithubTokenForTests00000000"),
            Map.entry("FLIGHTDECK_JENKINS_WEBHOOK_TOKEN", "jenkins-hook-token-5f1e9c"),
            Map.entry("FLIGHTDECK_CIRCLECI_WEBHOOK_SECRET", "circleci-hook-secret-77a1"),
            Map.entry("FLIGHTDECK_GITHUB_WEBHOOK_SECRET", "github-hook-secret-c3d2"),
            // Section 14: paging, on-call and follow-up export.
            Map.entry("PD_ROUTING_KEY", "R0fakepagerdutyroutingkey0000000"),
            Map.entry("PD_API_KEY", "u+fakePagerDutyRestKey00"),
            Map.entry("OPSGENIE_API_KEY", "eb243592-faa2-4ba2-a551-1afdf565c889"),
            Map.entry("JIRA_TOKEN", "ATATTfakeJiraApiToken000000"),
            // Section 15: feature-flag providers.
            Map.entry("LD_TOKEN", "api-fake-launchdarkly-token-0000"),
            Map.entry("FLAGSMITH_TOKEN", "fakeFlagsmithOrganisationToken00"));

    @Singleton
    @Replaces(EnvSecrets.class)
    EnvSecrets secrets() {
        return new EnvSecrets() {
            @Override
            public Optional<String> get(String variable) {
                return Optional.ofNullable(VALUES.get(variable));
            }
        };
    }
}
