package dev.flightdeck.envconfig.logs;

import java.time.Instant;
import java.util.List;

/** One query over {@code groups} between {@code from} and {@code to}, in the store's query language. */
public record LogQuery(List<String> groups, Instant from, Instant to, String text) {

    public LogQuery {
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a log query needs at least one group");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a log query's range must start before it ends");
        }
    }
}
