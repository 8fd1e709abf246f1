package dev.flightdeck.alarms;

/** The alarm store could not be read; the message names what and why, for people. */
public class AlarmSourceException extends RuntimeException {
    public AlarmSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
