package dev.flightdeck.envconfig.logs;

import java.time.Instant;
import java.util.Optional;

/** One row a query found: when it was logged (when the query returned it) and its text. */
public record LogLine(Optional<Instant> at, String text) {
}
