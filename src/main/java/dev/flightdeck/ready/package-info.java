/**
 * Start-up readiness the adapters share without importing one another: the database's schema
 * ({@link dev.flightdeck.ready.DatabaseReady}), migrated in the background while the Slack edge already answers.
 */
package dev.flightdeck.ready;
