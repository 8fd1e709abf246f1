package dev.flightdeck.team;

import java.util.Optional;
import java.util.regex.Pattern;

/** A Slack channel as the team config names it: by id ({@code C0123}) or by name ({@code #deploys}). */
public sealed interface ChannelRef {

    /** What the team wrote: the id, or the name with its leading '#'. */
    String text();

    record Id(String id) implements ChannelRef {
        @Override
        public String text() {
            return id;
        }
    }

    /** name is without the leading '#'. */
    record Named(String name) implements ChannelRef {
        @Override
        public String text() {
            return "#" + name;
        }
    }

    // C public, G private (legacy), D direct message: the id prefixes Slack uses for conversations.
    Pattern ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    // Slack channel names: lowercase letters, digits, '-' and '_', at most 80 characters.
    Pattern NAME = Pattern.compile("#([a-z0-9_-]{1,80})");

    static Optional<ChannelRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (ID.matcher(t).matches()) {
            return Optional.of(new Id(t));
        }
        var m = NAME.matcher(t);
        return m.matches() ? Optional.of(new Named(m.group(1))) : Optional.empty();
    }
}
