package dev.flightdeck.incident;

import java.util.List;

/** The open incidents: all the deploy freeze needs to know. */
public interface OpenIncidents {
    List<Incident> open();
}
