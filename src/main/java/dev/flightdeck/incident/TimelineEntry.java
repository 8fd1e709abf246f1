package dev.flightdeck.incident;

import java.time.Instant;
import java.util.Locale;

/** One line of an incident's timeline, with its original time and author (a user id, or "flightdeck"). */
public record TimelineEntry(Instant at, String author, Kind kind, String text) {

    public enum Kind {
        DECLARED, ROLE, SEVERITY, STATUS, UPDATE, NOTE, PINNED, DEPLOY, RESOLVED, CONFIG, ALERT, PAGE,
        ACCESS, FLAG, FOLLOW_UP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
