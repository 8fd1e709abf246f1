package dev.flightdeck.incident.followup;

import dev.flightdeck.incident.Incident;

/** What Slack is told of follow-ups (port): the owner's reminder DM, and "show the incident's follow-ups again". */
public interface FollowUpNews {

    /** The reminder DM; {@code overdue} when the due day has passed. */
    void remind(FollowUp followUp, Incident incident, boolean overdue);

    /** A follow-up of {@code incident} was added, closed or exported: the card shows the list afresh. */
    void changed(Incident incident);
}
