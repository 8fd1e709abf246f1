package dev.flightdeck.envconfig;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SuspiciousValuesTest {

    static final List<String> ENVS = List.of("dev", "staging", "prod");

    static Optional<String> named(String value, String env) {
        var entry = ConfigEntry.plain("K", "/x", "String", value, FakeConfigSource.FINGERPRINTS, "1", Optional.empty(),
                Optional.empty());
        return SuspiciousValues.namesOtherEnvironment(entry, env, ENVS);
    }

    @Test
    void anotherEnvironmentsNameAsAWordIsSuspicious() {
        assertThat(named("https://sqs/1/commons-staging-emails", "prod")).contains("staging");
        assertThat(named("db.dev.internal", "prod")).contains("dev");
        assertThat(named("STAGING", "prod")).contains("staging");
    }

    @Test
    void itsOwnNameOrAWordContainingAnotherNameIsNot() {
        assertThat(named("https://sqs/1/commons-prod-emails", "prod")).isEmpty();
        assertThat(named("production-ready devices", "prod")).isEmpty();
        assertThat(named("https://api.example.com/v1", "prod")).isEmpty();
    }

    @Test
    void secretsAreNeverInspected() {
        var secret = ConfigEntry.secret("K", "s", "secret", "abcd1234", "1", Optional.empty(), Optional.empty());
        assertThat(SuspiciousValues.namesOtherEnvironment(secret, "prod", ENVS)).isEmpty();
    }
}
