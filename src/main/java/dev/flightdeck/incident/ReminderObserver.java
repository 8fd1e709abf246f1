package dev.flightdeck.incident;

/**
 * Told of every update reminder the reminder job claimed (port: operational metrics listen, so an alert can see
 * incidents going quiet and reminders that Slack would not deliver). An observer that fails never affects the reminder.
 */
public interface ReminderObserver {

    enum Outcome { SENT, FAILED }

    /** {@code role} is who was reminded: the communicator, or the commander until a communicator is named. */
    void reminded(Incident incident, Role role, Outcome outcome);

    enum Role { COMMUNICATOR, COMMANDER }
}
