package dev.flightdeck.deploy;

import java.util.EnumSet;
import java.util.Set;

/** The states of a deploy request (DESIGN.md section 2). Which state follows which is {@link DeployTransitions}. */
public enum DeployState {
    REQUESTED, APPROVED, TRIGGERING, RUNNING, SUCCEEDED, FAILED, ABORTED, TRIGGER_FAILED, REJECTED, CANCELLED, EXPIRED;

    /** Holds the service/environment: one deploy at a time from APPROVED until a final state. */
    public static final Set<DeployState> IN_FLIGHT = EnumSet.of(APPROVED, TRIGGERING, RUNNING, TRIGGER_FAILED);

    /** Still waiting for people: a decision, or the runner's Start. */
    public static final Set<DeployState> PENDING = EnumSet.of(REQUESTED, APPROVED);

    public boolean isFinal() {
        return DeployTransitions.isFinal(this);
    }

    /** How a person reads it: "trigger failed". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
