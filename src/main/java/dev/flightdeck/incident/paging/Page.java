package dev.flightdeck.incident.paging;

import java.time.Instant;
import java.util.Optional;

/**
 * One incident's page of one on-call target, as stored: at most one per incident and target (its dedup key, also the
 * pager's, is {@code INC-<n>:<target>}). {@code requestedBy} is a Slack user id, or {@value #FLIGHTDECK} for a page
 * sent because of {@code page-on}; {@code message} is the text typed after {@code --}, as typed. {@code version}
 * moves on with every write (compare-and-set).
 */
public record Page(long id,
                   long incidentNumber,
                   String target,
                   String dedupKey,
                   PageState state,
                   Optional<String> message,
                   String requestedBy,
                   int attempts,
                   Optional<Instant> nextAttemptAt,
                   Optional<String> lastError,
                   Instant createdAt,
                   long version) {

    public static final String FLIGHTDECK = "flightdeck";

    /** {@code INC-12:platform}: the same for every event about this page, so a repeat is one alert at the pager. */
    public static String dedupKeyOf(String incidentId, String target) {
        return incidentId + ":" + target;
    }

    public String incidentId() {
        return "INC-" + incidentNumber;
    }

    /** What a new page starts as: its trigger owed now. */
    public record New(long incidentNumber, String target, Optional<String> message, String requestedBy, Instant at) {
    }
}
