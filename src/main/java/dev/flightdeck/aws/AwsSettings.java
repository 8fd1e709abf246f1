package dev.flightdeck.aws;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How Flightdeck reaches AWS. By default everything comes from the SDK's standard settings: {@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL}, and the default credentials chain (environment, profile, container or instance role).
 * The {@code aws.*} settings override them, mainly for tests and local fakes; a static key pair is for those only.
 */
@Singleton
public class AwsSettings {

    private final Optional<String> region;
    private final Optional<URI> endpoint;
    private final Optional<String> accessKeyId;
    private final Optional<String> secretAccessKey;
    private final Duration apiCallTimeout;
    private final Duration attemptTimeout;
    private final int maxAttempts;

    public AwsSettings(@Value("${aws.region:}") String region,
                       @Value("${aws.endpoint-url:}") String endpoint,
                       @Value("${aws.access-key-id:}") String accessKeyId,
                       @Value("${aws.secret-access-key:}") String secretAccessKey,
                       @Value("${aws.api-call-timeout:20s}") Duration apiCallTimeout,
                       @Value("${aws.attempt-timeout:5s}") Duration attemptTimeout,
                       @Value("${aws.max-attempts:4}") int maxAttempts) {
        this.region = blankToEmpty(region);
        this.endpoint = blankToEmpty(endpoint).map(URI::create);
        this.accessKeyId = blankToEmpty(accessKeyId);
        this.secretAccessKey = blankToEmpty(secretAccessKey);
        this.apiCallTimeout = apiCallTimeout;
        this.attemptTimeout = attemptTimeout;
        this.maxAttempts = maxAttempts;
    }

    public Optional<String> region() {
        return region;
    }

    public Optional<URI> endpoint() {
        return endpoint;
    }

    /** Both halves of a static key pair, when both are set. */
    Optional<String[]> staticCredentials() {
        return accessKeyId.isPresent() && secretAccessKey.isPresent()
                ? Optional.of(new String[] {accessKeyId.get(), secretAccessKey.get()}) : Optional.empty();
    }

    public Duration apiCallTimeout() {
        return apiCallTimeout;
    }

    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    @Override
    public String toString() {
        return "AwsSettings[region=" + region.orElse("(default chain)") + ", endpoint="
                + endpoint.map(URI::toString).orElse("(default)") + ", staticCredentials=" + accessKeyId.isPresent() + "]";
    }
}
