package dev.flightdeck.incident;

/**
 * A contributor to the resolve form's fourth part, "what we're doing to make sure it doesn't happen again" (the
 * follow-ups): lines of text, people written as {@link dev.flightdeck.people.NameBook#mention} so the draft names them.
 */
public interface PreventionDraft {

    /** The lines for this incident, or "" when there are none. */
    String prevention(Incident incident);
}
