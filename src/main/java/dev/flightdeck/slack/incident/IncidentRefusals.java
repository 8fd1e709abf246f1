package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.IncidentResult;

/** The incident feature's words for a refusal, for features in sub-packages (follow-ups) that find incidents too. */
public final class IncidentRefusals {

    private IncidentRefusals() {
    }

    public static String text(IncidentResult.Refused refused) {
        return Replies.text(refused);
    }
}
