package dev.flightdeck.slack.edge;

import java.time.Instant;

/** A seen request's key (a hash of its signature, see {@link ReplayGuard#key}) and when it may be forgotten. */
record SeenKey(String hash, Instant expiresAt) {
}
