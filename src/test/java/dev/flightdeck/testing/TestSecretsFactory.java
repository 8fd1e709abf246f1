package dev.flightdeck.testing;

import dev.flightdeck.build.EnvSecrets;
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

    public static final Map<String, String> VALUES = Map.of(
            "JENKINS_TOKEN", "11aa22bb33cc44dd55ee66ff77aa88bb99",
            "CIRCLE_TOKEN", "CCIPAT_fake_circle_token_000000",
            "GITHUB_TOKEN", "ghp_fakeGithubTokenForTests00000000",
            "FLIGHTDECK_JENKINS_WEBHOOK_TOKEN", "jenkins-hook-token-5f1e9c",
            "FLIGHTDECK_CIRCLECI_WEBHOOK_SECRET", "circleci-hook-secret-77a1",
            "FLIGHTDECK_GITHUB_WEBHOOK_SECRET", "github-hook-secret-c3d2");

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
