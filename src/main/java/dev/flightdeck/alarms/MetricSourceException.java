package dev.flightdeck.alarms;

/** The metric store could not be read; the message names what and why, for people. */
public class MetricSourceException extends RuntimeException {
    public MetricSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
