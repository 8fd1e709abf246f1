package dev.flightdeck.envconfig.logs;

import java.time.Duration;
import java.util.List;

/**
 * What a log search tells the person who asked: the lines found (newest first, secrets masked), that it is still
 * running (said once, the answer follows), that it failed, or that it was given up and stopped after a bound.
 * Every variant carries the console link, so the person can always look for themselves.
 */
public sealed interface LogAnswer {

    String link();

    /** {@code lines} newest first, masked; {@code matched} how many records matched in all. */
    record Found(List<LogLine> lines, long matched, String link) implements LogAnswer {
        public Found {
            lines = List.copyOf(lines);
        }
    }

    /** Not complete within {@code waited}; the answer is told when it is. */
    record StillRunning(Duration waited, String link) implements LogAnswer {
    }

    /** The store refused or ended the query, or its lines could not be masked; {@code why} is a sentence. */
    record Failed(String why, String link) implements LogAnswer {
    }

    /** Still not complete after {@code after}: the query was stopped. */
    record GaveUp(Duration after, String link) implements LogAnswer {
    }
}
