package dev.flightdeck.web;

import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.text.UtcTime;

import java.time.Duration;
import java.time.Instant;

/** How the pages write moments and how long things took; a dash where there is nothing (yet) to show. */
public final class PageTimes {

    private static final String NONE = "—";

    private PageTimes() {
    }

    public static String time(Instant at) {
        return UtcTime.format(at, NONE);
    }

    /** Written the way the incident summary writes durations, so a page and a summary agree. */
    public static String between(Instant from, Instant to) {
        return from == null || to == null ? NONE : IncidentSummary.human(Duration.between(from, to));
    }
}
