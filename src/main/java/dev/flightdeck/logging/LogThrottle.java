package dev.flightdeck.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one log line per key per period, for refusals and ignored deliveries a scanner or a chatty sender can
 * repeat thousands of times: the caller counts every one in a metric and logs only when {@link #admit} lets it,
 * saying how many were left out since its last line. Wall time, not the app's clock: the limit is about how many
 * lines reach the log per minute.
 */
public final class LogThrottle {

    private record Window(Instant nextLine, int suppressed) {
    }

    private final Duration every;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LogThrottle(Duration every) {
        this(every, Clock.systemUTC());
    }

    LogThrottle(Duration every, Clock clock) {
        this.every = every;
        this.clock = clock;
    }

    /** Empty while {@code key} had its line in this period; else how many were left out since the last line. */
    public OptionalInt admit(String key) {
        Instant now = clock.instant();
        int[] before = {-1};
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.nextLine())) {
                before[0] = w == null ? 0 : w.suppressed();
                return new Window(now.plus(every), 0);
            }
            return new Window(w.nextLine(), w.suppressed() + 1);
        });
        return before[0] >= 0 ? OptionalInt.of(before[0]) : OptionalInt.empty();
    }
}
