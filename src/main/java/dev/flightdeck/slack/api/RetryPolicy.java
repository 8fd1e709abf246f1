package dev.flightdeck.slack.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How SlackGateway retries (config {@code slack.retry.*}). 5xx and I/O errors back off exponentially
 * from {@code initialBackoff}, doubling up to {@code maxBackoff}, each delay shortened by up to
 * {@code jitter} (0..1) of itself so replicas do not retry in step. A 429 waits its Retry-After
 * ({@code defaultRetryAfter} when absent, at most {@code maxRetryAfter}). {@code maxAttempts} counts every try.
 */
@ConfigurationProperties("slack.retry")
public record RetryPolicy(@Bindable(defaultValue = "5") int maxAttempts,
                          @Bindable(defaultValue = "250ms") Duration initialBackoff,
                          @Bindable(defaultValue = "8s") Duration maxBackoff,
                          @Bindable(defaultValue = "0.5") double jitter,
                          @Bindable(defaultValue = "1s") Duration defaultRetryAfter,
                          @Bindable(defaultValue = "60s") Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("slack.retry.max-attempts must be at least 1");
        if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("slack.retry.jitter must be between 0 and 1");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8), 0.5, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Delay before the next try after {@code failures} consecutive 5xx/I-O failures (1 = first failure); {@code random} in [0,1). */
    public Duration backoff(int failures, double random) {
        long base = initialBackoff.toMillis() << Math.min(failures - 1, 30);
        long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
        return Duration.ofMillis(Math.round(capped * (1 - jitter * random)));
    }

    /** Delay a 429 asks for: its Retry-After seconds, capped; the default when missing or unreadable. */
    public Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return defaultRetryAfter;
        try {
            long seconds = Long.parseLong(header.trim());
            if (seconds < 0) return defaultRetryAfter;
            Duration asked = Duration.ofSeconds(seconds);
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        } catch (NumberFormatException e) {
            return defaultRetryAfter;
        }
    }
}
