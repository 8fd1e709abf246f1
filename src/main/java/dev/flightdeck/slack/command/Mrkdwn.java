package dev.flightdeck.slack.command;

import java.util.regex.Pattern;

/** Slack mrkdwn escaping: '<', '>' and '&' are control characters in message text, even inside code spans. */
public final class Mrkdwn {

    // Slack already escapes '&', '<' and '>' in slash command text; quoting such text back must not escape twice.
    private static final Pattern ENTITY_OR_AMPERSAND = Pattern.compile("&(?:amp;|lt;|gt;)?");

    private Mrkdwn() {
    }

    public static String escape(String plain) {
        return ENTITY_OR_AMPERSAND.matcher(plain).replaceAll(m -> m.group().length() == 1 ? "&amp;" : m.group())
                .replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String unescape(String mrkdwn) {
        return mrkdwn.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
