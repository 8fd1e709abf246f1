package dev.flightdeck.deploy;

/** Looks at a service in an environment right after a release (port: deep health URL and alarms). */
public interface ReleaseProbe {

    /** @param watched false when the service has neither a health URL nor alarms there: nothing to watch */
    record Result(boolean watched, boolean healthy, String text) {
    }

    Result probe(String service, String environment);
}
