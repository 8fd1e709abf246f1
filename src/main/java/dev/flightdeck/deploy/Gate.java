package dev.flightdeck.deploy;

import java.util.Locale;
import java.util.Optional;

/** A pre-deploy check an environment can enforce; written in lowercase in the team config. */
public enum Gate {
    WINDOW, LOCK, FREEZE, ALARMS, CONFIG,
    /** The version's commit has its GitHub check runs and statuses green (services with a {@code repo}). */
    CI,
    /** The version has SUCCEEDED in the environment's {@code promotion-from}. */
    PROMOTED,
    /** The service's error budget is not spent (services with an {@code slo}; production environments). */
    SLO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Gate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Gate g : values()) {
            if (g.key().equals(t)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
