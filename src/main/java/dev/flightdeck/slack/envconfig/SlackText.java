package dev.flightdeck.slack.envconfig;

import dev.flightdeck.text.Mrkdwn;

/** Small text helpers for showing config values and names inside mrkdwn (escaping: {@link Mrkdwn}). */
public final class SlackText {

    private SlackText() {
    }

    /** A value inside a code span; the escaping itself lives in {@link Mrkdwn}, the one place for it. */
    public static String code(String value) {
        return Mrkdwn.code(value);
    }

    /**
     * At most {@code max} characters: cut at a space (or, for values like URLs that have none, at a separator such
     * as / , ; &amp; =) and say how much was left out, never cut inside a word.
     */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = -1;
        for (int i = max; i > max / 2; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || "/,;&=:?-_.".indexOf(c) >= 0) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            return "(" + text.length() + " characters, too long to show)";
        }
        return text.substring(0, cut).stripTrailing() + " … (" + (text.length() - cut) + " more characters)";
    }

    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
