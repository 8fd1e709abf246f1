package dev.flightdeck.incident.paging;

import dev.flightdeck.incident.Severity;

import java.util.Optional;

/**
 * What a pager is asked to do about one page: open the alert ({@code TRIGGER}) or close it ({@code RESOLVE}), under
 * the page's dedup key. {@code summary} is the incident's title as typed, {@code message} the text typed after
 * {@code --}; {@code link} is the incident's page.
 */
public record PageEvent(Action action, String dedupKey, String incidentId, String summary, Severity severity,
                        Optional<String> message, String link, String requestedBy) {

    public enum Action {
        TRIGGER, RESOLVE
    }
}
