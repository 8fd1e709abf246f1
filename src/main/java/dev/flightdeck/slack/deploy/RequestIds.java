package dev.flightdeck.slack.deploy;

import dev.flightdeck.text.Mrkdwn;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Deploy request ids as typed ({@code 42}, {@code #42}) and as button values. */
final class RequestIds {
    private static final Pattern ID = Pattern.compile("#?([1-9][0-9]{0,17})");

    private RequestIds() {
    }

    static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        var m = ID.matcher(text.trim());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    static String notAnId(String text) {
        String shown = text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return Mrkdwn.code(shown) + " is not a deploy id: ids are numbers like `42` (see `/deploy status`).";
    }
}
