package dev.flightdeck.incident.paging;

import dev.flightdeck.incident.Incident;

import java.time.Instant;

/**
 * What the incident's channel is told about its pages (port; the Slack feature words it and delivers it through the
 * outbox, so a told line is never lost). Facts, never text.
 */
public interface PageNews {

    /** The pager took the trigger. */
    void paged(Incident incident, Page page, OncallTarget target);

    /** A try failed and another follows at {@code nextTry}: said on the first failure of a send. */
    void retrying(Incident incident, Page page, OncallTarget target, String reason, Instant nextTry);

    /** The pager refused the page for good. */
    void failed(Incident incident, Page page, OncallTarget target, String reason);

    /** The pager took the resolve. */
    void resolved(Incident incident, Page page, OncallTarget target);
}
