package dev.flightdeck.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A "from"/"to" filter pair of dates (yyyy-MM-dd, UTC, both days included). Empty fields mean the last
 * {@code defaultDays} days up to today.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366 * 3;

    /** The range, or the reason it is not one, in words for the page. */
    public record Parsed(Optional<DateRange> range, Optional<String> problem) {
    }

    public static Parsed parse(String fromText, String toText, int defaultDays, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try {
            LocalDate to = blank(toText) ? today : LocalDate.parse(toText.trim());
            LocalDate from = blank(fromText) ? to.minusDays(defaultDays - 1L) : LocalDate.parse(fromText.trim());
            if (from.isAfter(to)) {
                return problem("The start date " + from + " is after the end date " + to + ".");
            }
            if (from.plusDays(MAX_DAYS).isBefore(to)) {
                return problem("Choose at most " + MAX_DAYS + " days between the two dates.");
            }
            return new Parsed(Optional.of(new DateRange(from, to)), Optional.empty());
        } catch (DateTimeParseException e) {
            return problem("Dates are written yyyy-mm-dd, for example " + today + ".");
        }
    }

    private static Parsed problem(String text) {
        return new Parsed(Optional.empty(), Optional.of(text));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range (the end day is included). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
