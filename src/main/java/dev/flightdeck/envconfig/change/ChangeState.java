package dev.flightdeck.envconfig.change;

import java.util.Locale;

/**
 * The states of a config change request. Which state follows which is {@link ChangeTransitions}, and the questions
 * below are answered from that table.
 */
public enum ChangeState {
    PROPOSED, APPLYING, APPLIED, FAILED, CONFLICTED, REJECTED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return ChangeTransitions.isFinal(this);
    }

    /** Waiting for the approvers: go, no-go and override apply. */
    public boolean awaitsDecision() {
        return ChangeTransitions.next(this, ChangeEvent.GO).isPresent();
    }

    /** How a person reads it: "applied". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
