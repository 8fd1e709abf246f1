package dev.flightdeck.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message markup at its two borders, in one place: what people type comes in through {@link #fromSlack}
 * and is kept as plain text (what the person typed, as the pages and the Markdown summary show it); every time
 * the bot repeats it in a message, topic or answer it goes out through {@link #escape} (or {@link #code}), once.
 *
 * <p>Why both: '&', '<' and '>' are control characters in Slack text. A Slack client sends a typed "&lt;" as
 * {@code &lt;} (api.slack.com/docs/formatting, "URLs and Escaping"), while a typed "@channel", a user group or a
 * link becomes a live token ({@code <!channel>}, {@code <!subteam^S1|@oncall>}, {@code <https://x|click>}) in
 * slash command text. Echoed raw, any member could make the bot ping a whole channel or post a disguised link.
 */
public final class Mrkdwn {

    // Mentions of one person or one channel stay live when echoed: the name shown is Slack's, not the label.
    private static final Pattern MENTION = Pattern.compile(
            "<@[UW][A-Z0-9]{2,}(?:\\|[^<>|&\\n]{0,80})?>|<#[CG][A-Z0-9]{2,}(?:\\|[a-z0-9._\\-]{0,80})?>");
    private static final Pattern TOKEN = Pattern.compile("<([^<>\\n]*)>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");

    private Mrkdwn() {
    }

    /** Plain text ready to sit inside mrkdwn: shows exactly as given, pings nobody but the one person it names. */
    public static String escape(String plain) {
        if (plain == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(plain.length() + 16);
        Matcher m = MENTION.matcher(plain);
        int at = 0;
        while (m.find()) {
            escapeAll(out, plain, at, m.start());
            out.append(m.group());
            at = m.end();
        }
        return escapeAll(out, plain, at, plain.length()).toString();
    }

    /**
     * Text that did not come from Slack (a commit message, an author's name): every control character escaped, so a
     * {@code <@U…>} written into it shows as written and pings nobody.
     */
    public static String escapeForeign(String plain) {
        return plain == null ? "" : escapeAll(new StringBuilder(plain.length() + 16), plain, 0, plain.length()).toString();
    }

    /** A value inside a code span: every control character escaped, backticks (which would end the span) replaced. */
    public static String code(String value) {
        String v = value == null ? "" : value.replace('`', '\'');
        return escapeAll(new StringBuilder("`"), v, 0, v.length()).append('`').toString();
    }

    /**
     * Slash command text as Slack sent it, made plain: entities decoded, and the tokens Slack made of what was typed
     * shown as typed ({@code <!channel>} as "@channel", a user group by its handle, a link as "label (url)" so its
     * target is visible). Mentions of one user or channel are kept as tokens: the parser reads people from them.
     */
    public static String fromSlack(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(unescape(text.substring(at, m.start())));
            out.append(readable(m.group(), m.group(1)));
            at = m.end();
        }
        return out.append(unescape(text.substring(at))).toString();
    }

    /** Undoes {@link #escape}'s entities (what a reader of the mrkdwn sees). */
    public static String unescape(String mrkdwn) {
        return ENTITY.matcher(mrkdwn).replaceAll(e -> switch (e.group(1)) {
            case "lt" -> "<";
            case "gt" -> ">";
            default -> "&";
        });
    }

    private static String readable(String token, String inner) {
        if (inner.startsWith("@") || inner.startsWith("#")) {
            return MENTION.matcher(token).matches() ? token : unescape(inner);
        }
        int bar = inner.indexOf('|');
        String target = unescape(bar < 0 ? inner : inner.substring(0, bar));
        String label = bar < 0 ? "" : unescape(inner.substring(bar + 1)).strip();
        if (target.startsWith("!")) {
            // <!date^…|fallback> shows its fallback; <!subteam^S1|@oncall> its handle; <!here> as typed.
            if (!label.isEmpty()) {
                return target.startsWith("!date") || label.startsWith("@") ? label : "@" + label;
            }
            String word = target.substring(1).split("\\^", 2)[0];
            String[] parts = target.substring(1).split("\\^");
            return "@" + (word.equals("subteam") && parts.length > 1 ? parts[1] : word);
        }
        String url = target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
        if (label.isEmpty() || label.equals(url) || label.equals(target) || url.endsWith("://" + label)) {
            return url;
        }
        return label + " (" + url + ")";
    }

    private static StringBuilder escapeAll(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
