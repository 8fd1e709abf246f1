package dev.flightdeck.text;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** The team config's duration syntax: a whole number and one unit, {@code 30s}, {@code 15m}, {@code 4h}, {@code 2d}. */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,6})([smhd])");

    private Durations() {
    }

    /** Empty unless the text is a positive duration in the team config's syntax. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    /** The shortest way to write it back in the same syntax: 90m stays 90m, 60m becomes 1h. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
