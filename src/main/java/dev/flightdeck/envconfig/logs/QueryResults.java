package dev.flightdeck.envconfig.logs;

import java.util.List;
import java.util.Optional;

/**
 * A query as the store sees it now. {@code state} is one of three; {@code failure} names the store's own status
 * ({@code Failed}, {@code Cancelled}, {@code Timeout}) when the query ended without results. {@code matched} is how
 * many records matched in all, which may be more than the rows returned.
 */
public record QueryResults(State state, List<LogLine> lines, long matched, Optional<String> failure) {

    public enum State { RUNNING, COMPLETE, ENDED_WITHOUT_RESULTS }

    public QueryResults {
        lines = List.copyOf(lines);
    }

    public static QueryResults running() {
        return new QueryResults(State.RUNNING, List.of(), 0, Optional.empty());
    }

    public static QueryResults complete(List<LogLine> lines, long matched) {
        return new QueryResults(State.COMPLETE, lines, matched, Optional.empty());
    }

    public static QueryResults ended(String status) {
        return new QueryResults(State.ENDED_WITHOUT_RESULTS, List.of(), 0, Optional.of(status));
    }

    public boolean complete() {
        return state == State.COMPLETE;
    }
}
