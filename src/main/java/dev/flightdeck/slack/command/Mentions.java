package dev.flightdeck.slack.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack escapes mentions in slash command text (should_escape: true): users as {@code <@U123|name>}
 * or {@code <@U123>}, channels as {@code <#C123|name>}.
 */
public final class Mentions {

    // W... ids are enterprise-grid users.
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|([^>]*))?>");

    private Mentions() {
    }

    public static Optional<String> userId(String word) {
        Matcher m = USER.matcher(word);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean isUser(String word) {
        return USER.matcher(word).matches();
    }

    /** How a word reads back to the user in a suggestion: an escaped mention as {@code @name}, {@code #name}. */
    public static String display(String word) {
        Matcher user = USER.matcher(word);
        if (user.matches()) {
            String name = user.group(2);
            return name == null || name.isBlank() ? word : "@" + name;
        }
        Matcher channel = CHANNEL.matcher(word);
        if (channel.matches()) {
            String name = channel.group(2);
            return name == null || name.isBlank() ? word : "#" + name;
        }
        return word;
    }

    /** A word meant as a person, shown the way it should have been typed: {@code bob} becomes {@code @bob}. */
    public static String asPerson(String word) {
        String shown = display(word);
        return shown.startsWith("@") || shown.startsWith("<@") ? shown : "@" + shown;
    }
}
