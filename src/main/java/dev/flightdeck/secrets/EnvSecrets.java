package dev.flightdeck.secrets;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Credentials by the NAME of the environment variable the team config gives ({@code token-env: JENKINS_TOKEN}).
 * The value is read when needed, handed straight to the HTTP request, and never logged, stored or shown.
 */
@Singleton
public class EnvSecrets {

    public Optional<String> get(String variable) {
        if (variable == null || variable.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank());
    }
}
