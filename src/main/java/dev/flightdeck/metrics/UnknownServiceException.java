package dev.flightdeck.metrics;

import java.util.List;

/** Metrics were asked for a service the team config does not have; {@link #known()} lists the ones it has. */
public class UnknownServiceException extends RuntimeException {

    private final String service;
    private final List<String> known;

    public UnknownServiceException(String service, List<String> known) {
        super("Unknown service '" + service + "'; known services: " + String.join(", ", known));
        this.service = service;
        this.known = List.copyOf(known);
    }

    public String service() {
        return service;
    }

    public List<String> known() {
        return known;
    }
}
