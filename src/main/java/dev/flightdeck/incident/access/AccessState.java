package dev.flightdeck.incident.access;

import java.util.Locale;

/**
 * Where a break-glass request stands. REQUESTED waits for a decision; GRANTING is Identity Center being asked (the
 * assignment made and its asynchronous status followed); ACTIVE holds the assignment until it expires or the incident
 * resolves; REVOKING is its deletion being asked and followed. DENIED, FAILED, LAPSED (never decided, or ended before
 * it was made) and REVOKED are final: nothing is owed once a request is in one of them.
 */
public enum AccessState {
    REQUESTED, GRANTING, ACTIVE, REVOKING, REVOKED, DENIED, FAILED, LAPSED;

    public boolean isFinal() {
        return this == REVOKED || this == DENIED || this == FAILED || this == LAPSED;
    }

    /** Holds (or may hold, mid-call) an assignment in AWS: listed as live, revoked when the incident resolves. */
    public boolean holdsAccess() {
        return this == GRANTING || this == ACTIVE || this == REVOKING;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
