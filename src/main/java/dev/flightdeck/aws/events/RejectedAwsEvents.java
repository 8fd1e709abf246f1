package dev.flightdeck.aws.events;

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

    private record Window(Instant nextLine, int suppressed) {
    }

    private final MeterRegistry registry;
    // Wall time, not the app's clock: the limit is about how many lines reach the log per minute.
    private final Clock clock = Clock.systemUTC();
    private final Map<Reason, Window> windows = new ConcurrentHashMap<>();

    public RejectedAwsEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Reason reason) {
        registry.counter(METRIC, "reason", reason.tag()).increment();
        Instant now = clock.instant();
        int[] before = {-1};
        windows.compute(reason, (k, w) -> {
            if (w == null || !now.isBefore(w.nextLine())) {
                before[0] = w == null ? 0 : w.suppressed();
                return new Window(now.plus(LOG_EVERY), 0);
            }
            return new Window(w.nextLine(), w.suppressed() + 1);
        });
        if (before[0] >= 0) {
            LOG.warn("Refused an AWS events delivery: {}{} (metric {})", reason.words,
                    before[0] == 0 ? "" : " (and " + before[0] + " more since the last line)", METRIC);
        }
    }
}
