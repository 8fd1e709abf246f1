package dev.flightdeck.deploy;

import java.util.List;

/** Why a finished build failed, as read from its backend: the failing step and the end of its log, or why not. */
public sealed interface BuildFailure {

    /** How many lines of a failing log are quoted. */
    int LINES = 30;

    /** The build's page, to open it when the quote is not enough; may be null. */
    String link();

    /**
     * @param step  the failing stage, job or step as the backend names it ({@code Deploy}, {@code build / Run tests});
     *              null when the backend has none (a freestyle Jenkins job)
     * @param lines the last lines of its log, oldest first; masked before they leave {@link FailureExplanations}
     */
    record Report(String step, List<String> lines, String link) implements BuildFailure {
        public Report {
            lines = List.copyOf(lines);
        }

        public Report withLines(List<String> replaced) {
            return new Report(step, replaced, link);
        }
    }

    /** The log could not be read; {@code reason} is safe to show (never a credential). */
    record Unreadable(String reason, String link) implements BuildFailure {
    }

    /** The last {@link #LINES} lines of {@code log}, without a trailing empty line. */
    static List<String> tail(String log) {
        if (log == null || log.isEmpty()) {
            return List.of();
        }
        List<String> lines = List.of(log.replace("\r\n", "\n").replace('\r', '\n').split("\n"));
        return lines.subList(Math.max(0, lines.size() - LINES), lines.size());
    }
}
