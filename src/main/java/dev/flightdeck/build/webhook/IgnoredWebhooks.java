package dev.flightdeck.build.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deliveries Flightdeck heard and did nothing with. Each is counted ({@code flightdeck.webhooks.ignored}, by vendor
 * and reason); the log gets one line per vendor and reason per {@link #LOG_EVERY}, saying how many were ignored, so a
 * CI system posting every branch build here cannot flood it.
 */
@Singleton
public class IgnoredWebhooks {

    public static final String METRIC = "flightdeck.webhooks.ignored";
    static final Duration LOG_EVERY = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(IgnoredWebhooks.class);

    /** Why a delivery changed nothing: the metric's {@code reason} tag. */
    public enum Reason {
        NO_MATCH("no-match"), NO_STATUS("no-status"), EVENT_TYPE("event-type");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private record Window(Instant nextLine, int suppressed) {
    }

    private final MeterRegistry registry;
    // Wall time, not the deploy clock: the limit is about how many lines reach the log per minute.
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public IgnoredWebhooks(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the delivery and returns the answer for the vendor: {@code ignored: <why>}. */
    public String ignore(String vendor, Reason reason, String why) {
        registry.counter(METRIC, "vendor", vendor, "reason", reason.tag()).increment();
        Instant now = clock.instant();
        int[] before = {-1};
        windows.compute(vendor + "|" + reason.tag(), (k, w) -> {
            if (w == null || !now.isBefore(w.nextLine())) {
                before[0] = w == null ? 0 : w.suppressed();
                return new Window(now.plus(LOG_EVERY), 0);
            }
            return new Window(w.nextLine(), w.suppressed() + 1);
        });
        if (before[0] >= 0) {
            LOG.info("Ignored a {} webhook delivery: {}{}", vendor, why, before[0] == 0 ? ""
                    : " (and " + before[0] + " more of this kind since the last line)");
        }
        return "ignored: " + why;
    }
}
