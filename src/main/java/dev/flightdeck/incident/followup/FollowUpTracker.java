package dev.flightdeck.incident.followup;

import dev.flightdeck.incident.Incident;

import java.util.List;

/** An issue tracker follow-ups are exported to (port): GitHub issues, Jira. */
public interface FollowUpTracker {

    /** Whether this tracker serves the team file's {@code follow-ups} setting. */
    boolean handles(FollowUpExport export);

    /** Opens one issue for the follow-up, linking back to the incident's page. */
    Created create(FollowUpExport export, FollowUp followUp, Incident incident, String incidentPage)
            throws TrackerFailure;

    /** Of these exported keys, the ones closed in the tracker (for trackers that are polled; others answer none). */
    default List<String> closed(FollowUpExport export, List<String> keys) throws TrackerFailure {
        return List.of();
    }

    /** {@code key}: {@code acme/ops#12} or {@code OPS-7}; {@code url}: the page. */
    record Created(String key, String url) {
    }

    /** A tracker call that failed, in words safe to store and show (never a token). */
    class TrackerFailure extends Exception {
        public TrackerFailure(String message) {
            super(message);
        }
    }
}
