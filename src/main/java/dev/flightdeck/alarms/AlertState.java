package dev.flightdeck.alarms;

/** What a monitor says of an alert: firing, back to normal, or without data (shown, but not as an alarm). */
public enum AlertState {
    ALARM, OK, INSUFFICIENT_DATA
}
