package dev.flightdeck.aws.events;

import dev.flightdeck.text.SharedSecret;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The shared token EventBridge's connection sends in {@code X-Flightdeck-Token} ({@code flightdeck.aws.events-token},
 * from FLIGHTDECK_AWS_EVENTS_TOKEN), compared in constant time ({@link SharedSecret}).
 */
@Singleton
public class AwsEventsToken {

    public static final String HEADER = "X-Flightdeck-Token";

    private final SharedSecret secret;

    public AwsEventsToken(@Value("${flightdeck.aws.events-token:}") String token) {
        this.secret = new SharedSecret(token);
    }

    public boolean configured() {
        return secret.configured();
    }

    public boolean matches(String given) {
        return secret.matches(given);
    }
}
