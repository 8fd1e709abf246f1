package dev.flightdeck.envconfig.logs;

/** The log store refused or failed a call; the message says why in words (never a secret, never a stack trace). */
public class LogSearchException extends RuntimeException {

    public LogSearchException(String message, Throwable cause) {
        super(message, cause);
    }

    public LogSearchException(String message) {
        super(message);
    }
}
