package dev.flightdeck.aws.events;

import dev.flightdeck.logging.LogThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Refused deliveries to the AWS events route: each counted ({@code flightdeck.aws.events.rejected}, by reason), and
 * at most one log line per reason per {@link #LOG_EVERY} saying how many there were, so a scanner hammering the
 * route makes a metric, not a flood. The line names the reason only: never the token that was sent.
 */
@Singleton
public class RejectedAwsEvents {

    public static final String METRIC = "flightdeck.aws.events.rejected";
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RejectedAwsEvents.class);

    public enum Reason {
        MISSING_TOKEN("missing-token", "no X-Flightdeck-Token header"),
        WRONG_TOKEN("wrong-token", "a wrong X-Flightdeck-Token"),
        NOT_CONFIGURED("not-configured", "FLIGHTDECK_AWS_EVENTS_TOKEN is not set");

        private final String tag;
        private final String words;

        Reason(String tag, String words) {
            this.tag = tag;
            this.words = words;
        }

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;
    private final LogThrottle throttle = new LogThrottle(LOG_EVERY);

    public RejectedAwsEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Reason reason) {
        registry.counter(METRIC, "reason", reason.tag()).increment();
        OptionalInt left = throttle.admit(reason.tag());
        if (left.isPresent()) {
            LOG.warn("Refused an AWS events delivery: {}{} (metric {})", reason.words,
                    left.getAsInt() == 0 ? "" : " (and " + left.getAsInt() + " more since the last line)", METRIC);
        }
    }
}
