package dev.flightdeck.text;

import java.util.Locale;

/** Plain-text helpers shared by the Slack answers and the pages: cutting to a limit, counting, safe links. */
public final class Texts {

    private Texts() {
    }

    /** At most {@code max} characters, the last an ellipsis when cut (Slack's hard limits on titles and labels). */
    public static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
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

    /**
     * Text from outside (a vendor's field, a header) made safe to repeat in a plain-text answer or a log line: control
     * and format characters become spaces, so it is one line that cannot forge another, and at most {@code max}
     * characters.
     */
    public static String oneLine(String value, int max) {
        String oneLine = value.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return cut(oneLine, max);
    }

    /** "1 key", "3 keys". */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Only http(s) links are shown as links: a "javascript:" URL from a build backend must never become clickable. */
    public static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.trim() : null;
    }
}
