package dev.flightdeck.incident;

import java.time.Duration;
import java.util.Optional;

/**
 * What an incident use case did, with people as ids: the Slack feature chooses every word it says about it. Done
 * outcomes carry the incident as the change left it (what the messages telling of that change are rendered from);
 * refusals carry what the person needs to act on them; nothing changed when a use case refuses.
 */
public sealed interface IncidentResult {

    /** Something was found or changed. */
    sealed interface Done extends IncidentResult {
        Incident incident();
    }

    /** The incident a command means (no change). */
    record Found(Incident incident) implements Done {
    }

    record Declared(Incident incident) implements Done {
    }

    /** @param previous who held the role before, if anyone */
    record RoleAssigned(Incident incident, IncidentRole role, String userId, Optional<String> previous,
                        String actor) implements Done {
    }

    /** @param incident as the update left it (under its new status) */
    record Updated(Incident incident, String text, String actor) implements Done {
    }

    record SeverityChanged(Incident incident, Severity from, Severity to, String actor) implements Done {
        /** A raise is announced again; a lowering is not. */
        public boolean raised() {
            return to.isAtLeast(from);
        }
    }

    record Noted(Incident incident) implements Done {
    }

    record Resolved(Incident incident, Duration took) implements Done {
    }

    /** Nothing changed, for a reason the person can act on. */
    sealed interface Refused extends IncidentResult {
    }

    record NoTitle() implements Refused {
    }

    /** A command named an incident that does not exist. */
    record NoSuchIncident(String id) implements Refused {
    }

    /** A form (filled in earlier) names an incident that does not exist. */
    record FormForNoIncident(String id) implements Refused {
    }

    /** No incident was named and the command was not typed in an incident's channel. */
    record NotAnIncidentChannel() implements Refused {
    }

    /** A change asked of a resolved incident. */
    record IsResolved(Incident incident) implements Refused {
    }

    /** Resolving twice (a double submit, or someone else was quicker). */
    record AlreadyResolved(Incident incident) implements Refused {
    }

    record AlreadyHolds(Incident incident, IncidentRole role, String userId) implements Refused {
    }

    record CannotMove(Incident incident, IncidentStatus from, IncidentStatus to) implements Refused {
    }

    record SameSeverity(Incident incident, Severity severity) implements Refused {
    }

    /** The change would lift a deploy freeze and this person may not lift it; nothing changed. */
    record NotAllowed(FreezeLiftPolicy.Rejected why) implements IncidentResult {
    }
}
