package dev.flightdeck.deploy.flags;

import java.util.Locale;

/** The states of a flag request. Which state follows which is {@link FlagTransitions}. */
public enum FlagState {
    REQUESTED, APPLYING, APPLIED, FAILED, REJECTED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return FlagTransitions.isFinal(this);
    }

    /** Waiting for the approvers: go and no-go apply. */
    public boolean awaitsDecision() {
        return FlagTransitions.next(this, FlagEvent.GO).isPresent();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
