package dev.flightdeck.incident.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.flightdeck.incident.access.AccessState.ACTIVE;
import static dev.flightdeck.incident.access.AccessState.DENIED;
import static dev.flightdeck.incident.access.AccessState.FAILED;
import static dev.flightdeck.incident.access.AccessState.GRANTING;
import static dev.flightdeck.incident.access.AccessState.LAPSED;
import static dev.flightdeck.incident.access.AccessState.REQUESTED;
import static dev.flightdeck.incident.access.AccessState.REVOKED;
import static dev.flightdeck.incident.access.AccessState.REVOKING;

/**
 * The one transition table of a break-glass request. A move to the same state is a claim or a retry (the row's
 * version and due time move, the state stays). Every write goes through {@link #check} before the store's
 * compare-and-set on the version, so two replicas (or a double click) make one move.
 *
 * <pre>
 * REQUESTED → GRANTING (an approver's Grant) | DENIED (Deny) | LAPSED (incident resolved, or nobody decided in time)
 * GRANTING  → GRANTING (retry, status pending) | ACTIVE (SUCCEEDED) | FAILED (no user, AWS said FAILED)
 *           | REVOKING (made, but the incident resolved meanwhile, or granting gave up after a call that may have
 *             landed) | LAPSED (ended before anything was asked of AWS)
 * ACTIVE    → REVOKING (expired, or the incident resolved)
 * REVOKING  → REVOKING (retry, status pending) | REVOKED
 * </pre>
 */
public final class AccessTransitions {

    private static final Map<AccessState, Set<AccessState>> NEXT = Map.of(
            REQUESTED, EnumSet.of(GRANTING, DENIED, LAPSED),
            GRANTING, EnumSet.of(GRANTING, ACTIVE, FAILED, REVOKING, LAPSED),
            ACTIVE, EnumSet.of(ACTIVE, REVOKING),
            REVOKING, EnumSet.of(REVOKING, REVOKED),
            REVOKED, EnumSet.noneOf(AccessState.class),
            DENIED, EnumSet.noneOf(AccessState.class),
            FAILED, EnumSet.noneOf(AccessState.class),
            LAPSED, EnumSet.noneOf(AccessState.class));

    private AccessTransitions() {
    }

    public static boolean allowed(AccessState from, AccessState to) {
        return NEXT.get(from).contains(to);
    }

    /** The changed grant, if the table allows its move; a bug otherwise (callers ask before they write). */
    public static AccessGrant check(AccessGrant from, AccessGrant to) {
        if (!allowed(from.state(), to.state())) {
            throw new IllegalStateException("access request #" + from.id() + ": " + from.state() + " → " + to.state()
                    + " is not a move of the table");
        }
        return to;
    }
}
