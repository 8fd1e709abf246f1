package dev.flightdeck.metrics;

/** One configured service's figures; a service with no deploys in the period is listed with zero counts. */
public record ServiceFigures(String service, DeliveryFigures figures) {
}
