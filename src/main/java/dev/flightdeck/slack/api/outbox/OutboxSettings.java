package dev.flightdeck.slack.api.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the outbox retries (config {@code flightdeck.outbox.*}). A message Slack did not take is tried again after
 * {@code firstRetry}, doubling up to {@code maxRetry}, until it is {@code expireAfter} old: hours, because a message
 * that arrives late (a build result, an incident update) is still worth more than one that never arrives. A claim
 * holds for {@code lease}: longer than one send may take ({@code sendTimeout}, which covers the gateway's own
 * retries and Retry-After waits), so two replicas never send the same entry while both are alive.
 */
@ConfigurationProperties("flightdeck.outbox")
public record OutboxSettings(@Bindable(defaultValue = "6h") Duration expireAfter,
                             @Bindable(defaultValue = "30s") Duration firstRetry,
                             @Bindable(defaultValue = "10m") Duration maxRetry,
                             @Bindable(defaultValue = "10m") Duration lease,
                             @Bindable(defaultValue = "5m") Duration sendTimeout) {

    public OutboxSettings {
        if (sendTimeout.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("flightdeck.outbox.send-timeout must be shorter than flightdeck.outbox.lease");
        }
    }

    public static OutboxSettings defaults() {
        return new OutboxSettings(Duration.ofHours(6), Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofMinutes(5));
    }

    /** The wait after {@code failures} failed tries (1 = the first). */
    public Duration retryAfter(int failures) {
        long base = firstRetry.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(Math.max(base, 0), maxRetry.toMillis()));
    }
}
