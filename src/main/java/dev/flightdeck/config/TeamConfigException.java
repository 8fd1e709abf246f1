package dev.flightdeck.config;

import java.util.List;
import java.util.stream.Collectors;

/** A team config that cannot be used. The message lists every error on its own line, with file and key path. */
public class TeamConfigException extends RuntimeException {
    private final List<ConfigError> errors;

    public TeamConfigException(List<ConfigError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(List<ConfigError> errors) {
        String count = errors.size() == 1 ? "1 error" : errors.size() + " errors";
        return "The team config has " + count + " (check it with: java -jar flightdeck.jar check-config FILE):\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
