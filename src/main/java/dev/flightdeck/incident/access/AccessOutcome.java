package dev.flightdeck.incident.access;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;

import java.time.Duration;
import java.util.List;

/** What a break-glass command or click did, for the Slack feature to word. */
public sealed interface AccessOutcome {

    // ---- asking and listing

    record Requested(AccessGrant grant, Incident incident) implements AccessOutcome {
    }

    /** The live requests of the incident (waiting, being granted, active, being revoked), oldest first. */
    record Live(Incident incident, List<AccessGrant> grants) implements AccessOutcome {
    }

    /** The team file has no {@code incidents.access}. */
    record NotConfigured() implements AccessOutcome {
    }

    record UnknownSet(String typed, List<String> known) implements AccessOutcome {
    }

    record TooLong(Duration asked, Duration max) implements AccessOutcome {
    }

    /** No such incident, not an incident channel, or resolved: the incident's own refusal. */
    record NoIncident(IncidentResult why) implements AccessOutcome {
    }

    // ---- deciding

    record Granting(AccessGrant grant) implements AccessOutcome {
    }

    record Denied(AccessGrant grant) implements AccessOutcome {
    }

    /** Only approvers (or the commander of a sev1, where the file allows) decide. */
    record NotAllowed(AccessGrant grant, List<ApproverRef> approvers, boolean commanderMay) implements AccessOutcome {
    }

    record OwnRequest(AccessGrant grant) implements AccessOutcome {
    }

    record AlreadyDecided(AccessGrant grant) implements AccessOutcome {
    }

    record NoSuchRequest(long id) implements AccessOutcome {
    }

    /** Whether the clicker is in an approver group cannot be known now (Slack's directory is down). */
    record DirectoryDown(String detail) implements AccessOutcome {
    }
}
