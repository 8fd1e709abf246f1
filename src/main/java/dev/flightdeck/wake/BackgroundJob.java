package dev.flightdeck.wake;

/**
 * A scheduled job (or a bean whose start-up work can wait a moment) that config.JobStarter makes on a thread of its
 * own as soon as the context has started, instead of the context making it eagerly ({@code @Context}) on the main
 * thread before the HTTP server may listen. The job starts its waker in its constructor, as before; any bean that
 * needs it earlier (it is injected somewhere) simply gets it made then. Readiness is DOWN if one cannot be made.
 */
public interface BackgroundJob {
}
