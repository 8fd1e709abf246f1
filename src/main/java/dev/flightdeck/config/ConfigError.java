package dev.flightdeck.config;

/**
 * One problem in a team config file. keyPath is the dotted path from the root, e.g.
 * {@code flightdeck.environments.prod.approvals}; it is empty for problems of the file as a whole (YAML syntax).
 */
public record ConfigError(String file, String keyPath, String message) {

    @Override
    public String toString() {
        return keyPath.isEmpty() ? file + ": " + message : file + ": " + keyPath + ": " + message;
    }
}
