package dev.flightdeck.alerts;

import dev.flightdeck.logging.LogThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Refused deliveries to {@code /hooks/alerts/{source}}: each counted ({@code flightdeck.alerts.rejected}, by source
 * and reason), and at most one log line per source and reason a minute saying how many there were, so a scanner
 * makes a metric, not a flood. The line names the reason only: never what was sent as a token.
 */
@Singleton
public class RejectedAlerts {

    static final String METRIC = "flightdeck.alerts.rejected";
    private static final Logger LOG = LoggerFactory.getLogger(RejectedAlerts.class);

    enum Reason {
        MISSING_TOKEN("missing-token", "no bearer token"),
        WRONG_TOKEN("wrong-token", "a wrong bearer token or signature"),
        NOT_CONFIGURED("not-configured", "FLIGHTDECK_ALERTS_TOKEN is not set");

        private final String tag;
        private final String words;

        Reason(String tag, String words) {
            this.tag = tag;
            this.words = words;
        }
    }

    private final MeterRegistry registry;
    private final LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1));

    public RejectedAlerts(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(MonitorSource source, Reason reason) {
        registry.counter(METRIC, "source", source.path(), "reason", reason.tag).increment();
        OptionalInt left = throttle.admit(source.path() + "|" + reason.tag);
        if (left.isPresent()) {
            LOG.warn("Refused a {} alerts delivery: {}{} (metric {})", source.path(), reason.words,
                    left.getAsInt() == 0 ? "" : " (and " + left.getAsInt() + " more since the last line)", METRIC);
        }
    }
}
