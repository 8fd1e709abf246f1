package dev.flightdeck.incident.followup;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;

import java.time.LocalDate;
import java.util.List;

/** What a follow-up use case did, with people as ids; the Slack feature words it. Refusals change nothing. */
public sealed interface FollowUpResult {

    sealed interface Done extends FollowUpResult {
    }

    sealed interface Refused extends FollowUpResult {
    }

    record Added(FollowUp followUp, Incident incident) implements Done {
    }

    record Closed(FollowUp followUp, Incident incident) implements Done {
    }

    record Snoozed(FollowUp followUp) implements Done {
    }

    /** @param all every state (else open ones only); {@code owner} empty: everyone's */
    record Listed(List<FollowUp> followUps, java.util.Optional<String> owner, boolean all) implements Done {
    }

    record NoText() implements Refused {
    }

    record TooLong(int length) implements Refused {
    }

    record PastDue(LocalDate due, LocalDate today) implements Refused {
    }

    record NoSuchFollowUp(long id) implements Refused {
    }

    record AlreadyClosed(FollowUp followUp) implements Refused {
    }

    /** The incident could not be found (not an incident channel, no such id): the incident feature words it. */
    record NoIncident(IncidentResult.Refused why) implements Refused {
    }
}
