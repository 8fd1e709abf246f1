package dev.flightdeck.envconfig.change;

/**
 * Where the AWS events route hands a reported change (port, implemented by the watch). Called after the route has
 * answered nothing yet but has de-duplicated the event; it must be quick or hand the work on (it reads AWS).
 */
public interface ConfigWatchEvents {

    void reported(OutsideChange change);
}
