package dev.flightdeck.health;

import java.util.Locale;
import java.util.Optional;

/**
 * One dependency as the service's health body reports it, e.g. {@code db UP} or {@code redis DOWN (Connection
 * refused)}. {@code detail} is a short error text when the body gives one for a dependency that is not up.
 */
public record DependencyHealth(String name, String status, Optional<String> detail) {

    public boolean up() {
        String s = status.toUpperCase(Locale.ROOT);
        return s.equals("UP") || s.equals("OK") || s.equals("PASS") || s.equals("HEALTHY");
    }
}
