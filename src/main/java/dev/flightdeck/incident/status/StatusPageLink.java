package dev.flightdeck.incident.status;

/** The public address of the status page (port: only the web adapter knows it), for answers that point to it. */
public interface StatusPageLink {

    String statusPage();
}
