package dev.flightdeck.envconfig;

/**
 * A configuration store could not be read. The message is shown to people, so adapters build it from names
 * (path, secret name, error code) only, never from a value or a raw SDK message that might quote one.
 */
public class ConfigSourceException extends RuntimeException {

    public ConfigSourceException(String message) {
        super(message);
    }

    public ConfigSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
