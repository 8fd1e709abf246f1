package dev.flightdeck.incident;

import java.util.Locale;

/** The two roles of an incident, one person each. */
public enum IncidentRole {
    COMMANDER("leads the response: decides, delegates, keeps people working on the right thing, and hands over "
            + "explicitly when stepping away"),
    COMMUNICATOR("keeps everyone outside the channel informed: posts `/incident update` on the cadence (you are "
            + "reminded by DM), answers support and managers, and drafts the summary with the commander");

    private final String duties;

    IncidentRole(String duties) {
        this.duties = duties;
    }

    public String duties() {
        return duties;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
