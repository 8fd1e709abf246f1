package dev.flightdeck.deploy;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a deploy request. Which state follows which, and what entering one does, is
 * {@link DeployTransitions}; the questions below are answered from that table.
 */
public enum DeployState {
    REQUESTED, APPROVED, TRIGGERING, RUNNING, SUCCEEDED, FAILED, ABORTED, TRIGGER_FAILED, REJECTED, CANCELLED, EXPIRED;

    /** Holds the service/environment: one deploy at a time from APPROVED until a final state. */
    public static final Set<DeployState> IN_FLIGHT = EnumSet.of(APPROVED, TRIGGERING, RUNNING, TRIGGER_FAILED);

    /** Still waiting for people: a decision, or the runner's Start. */
    public static final Set<DeployState> PENDING = EnumSet.of(REQUESTED, APPROVED);

    public boolean isFinal() {
        return DeployTransitions.isFinal(this);
    }

    /** Waiting for the approvers: go, no-go and check overrides apply. */
    public boolean awaitsDecision() {
        return DeployTransitions.awaitsDecision(this);
    }

    /** A build was asked for and has not ended (triggering or running). */
    public boolean isBuilding() {
        return DeployTransitions.isBuilding(this);
    }

    /** Holds the one-deploy-at-a-time lock of its service and environment. */
    public boolean holdsLock() {
        return IN_FLIGHT.contains(this);
    }

    /** How a person reads it: "trigger failed". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
