package dev.flightdeck.slack.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts refused Slack requests and logs them at most once per interval, so a flood of forged
 * requests produces a metric and a handful of log lines rather than one line each.
 */
@Singleton
public class RejectedRequests {

    public static final Duration LOG_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);

    private final Map<SlackSignatureVerifier.Reason, Counter> counters = new EnumMap<>(SlackSignatureVerifier.Reason.class);
    private final Clock clock;
    private final AtomicLong sinceLastLine = new AtomicLong();
    private volatile Instant lastLine = Instant.EPOCH;

    public RejectedRequests(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (SlackSignatureVerifier.Reason reason : SlackSignatureVerifier.Reason.values()) {
            counters.put(reason, Counter.builder("flightdeck.slack.requests.rejected")
                    .description("Requests to /slack/events refused before parsing")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    public void record(SlackSignatureVerifier.Reason reason, String remoteAddress) {
        counters.get(reason).increment();
        long pending = sinceLastLine.incrementAndGet();
        Instant now = clock.instant();
        if (Duration.between(lastLine, now).compareTo(LOG_INTERVAL) < 0) {
            return;
        }
        synchronized (this) {
            if (Duration.between(lastLine, now).compareTo(LOG_INTERVAL) < 0) {
                return;
            }
            lastLine = now;
            pending = sinceLastLine.getAndSet(0);
        }
        if (reason == SlackSignatureVerifier.Reason.NOT_CONFIGURED) {
            LOG.warn("Refused {} Slack request(s): Slack is not configured (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)", pending);
        } else {
            LOG.warn("Refused {} Slack request(s) in the last {}s; latest from {}: {} (metric flightdeck.slack.requests.rejected)",
                    pending, LOG_INTERVAL.toSeconds(), remoteAddress, reason.tag());
        }
    }
}
