package dev.flightdeck.aws.events;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The shared token EventBridge's connection sends in {@code X-Flightdeck-Token} ({@code flightdeck.aws.events-token},
 * from FLIGHTDECK_AWS_EVENTS_TOKEN). Compared in constant time over SHA-256 digests, so neither the content nor the
 * length of the token shows in how long a refusal takes.
 */
@Singleton
public class AwsEventsToken {

    public static final String HEADER = "X-Flightdeck-Token";

    private final Optional<byte[]> expected;

    public AwsEventsToken(@Value("${flightdeck.aws.events-token:}") String token) {
        this.expected = token == null || token.isBlank() ? Optional.empty() : Optional.of(digest(token.strip()));
    }

    public boolean configured() {
        return expected.isPresent();
    }

    public boolean matches(String given) {
        return expected.isPresent() && given != null && MessageDigest.isEqual(expected.get(), digest(given.strip()));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
