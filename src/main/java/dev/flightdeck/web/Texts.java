package dev.flightdeck.web;

import dev.flightdeck.incident.summary.IncidentSummary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write times, durations and outside links. */
public final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Texts() {
    }

    public static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public static String between(Instant from, Instant to) {
        return from == null || to == null ? "—" : IncidentSummary.human(Duration.between(from, to));
    }

    /** Only http(s) links are shown as links: a "javascript:" URL from a build backend must never become clickable. */
    public static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.trim() : null;
    }
}
