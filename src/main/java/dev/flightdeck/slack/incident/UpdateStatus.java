package dev.flightdeck.slack.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.flightdeck.slack.command.Words;

/** The status an {@code /incident update} may set. Resolved is not one: {@code /incident resolve} does that. */
public enum UpdateStatus {
    INVESTIGATING, IDENTIFIED, MONITORING;

    static final List<String> WORDS = Arrays.stream(values()).map(UpdateStatus::label).toList();

    public static Optional<UpdateStatus> parse(String word) {
        String lower = Words.lower(word);
        return Arrays.stream(values()).filter(s -> s.label().equals(lower)).findFirst();
    }

    public String label() {
        return Words.lower(name());
    }
}
