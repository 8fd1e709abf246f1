package dev.flightdeck.envconfig.logs;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person types into a Logs Insights query. A filter is matched literally: every character the regex literal
 * {@code /…/} gives a meaning to ({@code \ / ^ $ . | ? * + ( ) [ ] { }}) is escaped, so a filter can neither widen
 * the match nor end the literal and add query commands. A full query goes after {@code query:} and is sent as typed.
 * How far back a search looks ({@code since}) is a number and a unit, at most {@link #MAX_SINCE}.
 */
public final class LogQueries {

    /** Rows shown in Slack: the query asks for no more. */
    public static final int MAX_LINES = 20;
    public static final Duration DEFAULT_SINCE = Duration.ofHours(1);
    public static final Duration MAX_SINCE = Duration.ofDays(30);
    public static final String QUERY_PREFIX = "query:";

    private static final Pattern SINCE = Pattern.compile("([0-9]{1,6})([mhd])");
    private static final String REGEX_SPECIALS = "\\/^$.|?*+()[]{}";

    private LogQueries() {
    }

    /**
     * {@code 15m}, {@code 1h}, {@code 2d} as a duration.
     *
     * @throws IllegalArgumentException saying what is wrong in a sentence for the person who typed it
     */
    public static Duration since(String word) {
        Matcher m = SINCE.matcher(word.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + word + "` is not a time span: write a number and m, h or d, like "
                    + "15m, 1h or 2d.");
        }
        long n = Long.parseLong(m.group(1));
        Duration since = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (since.isZero()) {
            throw new IllegalArgumentException("`" + word + "` is no time at all: search at least the last 1m.");
        }
        if (since.compareTo(MAX_SINCE) > 0) {
            throw new IllegalArgumentException("`" + word + "` is too far back: a search covers at most the last 30d.");
        }
        return since;
    }

    /** The time span as the person would write it: 90m, 2h, 3d (and 45s for the short bounds of tests). */
    public static String words(Duration since) {
        if (since.toSeconds() % 60 != 0 || since.isZero()) {
            return since.toSeconds() + "s";
        }
        if (since.toMinutes() % (24 * 60) == 0) {
            return since.toDays() + "d";
        }
        return since.toMinutes() % 60 == 0 ? since.toHours() + "h" : since.toMinutes() + "m";
    }

    /**
     * The query for what was typed after {@code --}: nothing gives the newest lines, {@code query: …} a full query,
     * anything else is a text to find.
     *
     * @throws IllegalArgumentException for {@code query:} with nothing after it
     */
    public static String query(Optional<String> filter) {
        String typed = filter.map(String::strip).orElse("");
        if (typed.regionMatches(true, 0, QUERY_PREFIX, 0, QUERY_PREFIX.length())) {
            String full = typed.substring(QUERY_PREFIX.length()).strip();
            if (full.isEmpty()) {
                throw new IllegalArgumentException("`query:` needs a Logs Insights query after it.");
            }
            return full;
        }
        String filterClause = typed.isEmpty() ? "" : " | filter @message like /" + literal(typed) + "/";
        return "fields @timestamp, @message" + filterClause + " | sort @timestamp desc | limit " + MAX_LINES;
    }

    /** {@code text} as a regex matching exactly itself, safe between the slashes of a Logs Insights regex literal. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (REGEX_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
