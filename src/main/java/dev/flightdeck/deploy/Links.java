package dev.flightdeck.deploy;

import java.util.Optional;

/**
 * Addresses of the manager pages that messages link to (port). Only the web adapter knows the public address and its
 * routes, so the Slack features ask for a page by what it shows and never spell a URL themselves.
 */
public interface Links {

    /** The page of one deploy request. */
    String deployPage(long id);

    /** The page of one incident, by its number. */
    String incidentPage(long number);

    /** The delivery figures for one service (or all, when empty) over the last {@code days} days. */
    String deliveryPage(Optional<String> service, int days);
}
