package dev.flightdeck.slack.incident;

import java.util.List;
import java.util.Optional;
import dev.flightdeck.slack.command.Words;

/** The two incident roles. */
public enum RoleName {
    COMMANDER, COMMUNICATOR;

    static final List<String> WORDS = List.of("commander", "communicator");

    /** Also the short names people use in a hurry: {@code ic}, {@code comms}. */
    public static Optional<RoleName> parse(String word) {
        return switch (Words.lower(word)) {
            case "commander", "ic", "incident-commander" -> Optional.of(COMMANDER);
            case "communicator", "comms", "comm" -> Optional.of(COMMUNICATOR);
            default -> Optional.empty();
        };
    }

    public String label() {
        return Words.lower(name());
    }
}
