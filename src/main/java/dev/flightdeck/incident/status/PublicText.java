package dev.flightdeck.incident.status;

import dev.flightdeck.incident.Incident;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may not be published, found before anything is stored: a person or channel as Slack writes them in typed text
 * ({@code <@U123|dana>}, {@code <#C123|inc-12-db>}, {@code <!here>}), a handle written out ({@code @dana},
 * {@code @oncall}: a person, a user group), and the incident's own channel name. The status page shows no names and no
 * channels, so such text is refused with the word to take out rather than published with it cut (which could change
 * what the update says). An e-mail address ({@code help@example.com}) is not a handle.
 */
public final class PublicText {

    private static final Pattern TOKEN = Pattern.compile("<[@#!][^>\\n]*>");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{Alnum}._%+-])@[\\p{Alnum}][\\p{Alnum}._-]*");

    private PublicText() {
    }

    /** The first thing in {@code text} that must not be on the status page, as it appears there; empty when none. */
    public static Optional<String> privateWord(String text, Incident incident) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher token = TOKEN.matcher(text);
        if (token.find()) {
            return Optional.of(token.group());
        }
        Matcher handle = HANDLE.matcher(text);
        if (handle.find()) {
            return Optional.of(handle.group());
        }
        Optional<String> channel = incident.channelName().filter(n -> !n.isBlank());
        if (channel.isPresent() && text.toLowerCase(Locale.ROOT).contains(channel.get().toLowerCase(Locale.ROOT))) {
            return Optional.of("#" + channel.get());
        }
        return Optional.empty();
    }
}
