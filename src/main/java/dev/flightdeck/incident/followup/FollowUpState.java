package dev.flightdeck.incident.followup;

import java.util.Locale;

/** Where a follow-up stands: open until someone closes it as done or won't do (both final). */
public enum FollowUpState {
    OPEN, DONE, WONT_DO;

    public boolean isFinal() {
        return this != OPEN;
    }

    public String label() {
        return this == WONT_DO ? "won't do" : name().toLowerCase(Locale.ROOT);
    }
}
