package dev.flightdeck.alerts;

import dev.flightdeck.alarms.AlertState;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One alert of a monitor's delivery, as the vendor wrote it, before it is matched to a service and environment. */
sealed interface Reading {

    /** The name people know it by, for the answer to the monitor. */
    String name();

    /**
     * A state change to pass on.
     *
     * @param key   what identifies the alert at its source (Grafana's fingerprint, New Relic's issue id, Sentry's
     *              issue id): episodes are kept by source and key
     * @param tags  its labels or tags, keys lower-cased: {@code service}, {@code env}, {@code environment} name the
     *              team-file service and environment
     * @param names the texts a service and environment name may appear in when no tag names them (the alert's name,
     *              New Relic's impacted entities and condition names, Sentry's project)
     */
    record Reported(String source, String key, String name, AlertState state, String reason,
                    Map<String, String> tags, List<String> names, Optional<URI> runbook, Optional<URI> link,
                    Instant at, String eventId) implements Reading {
        public Reported {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            tags = Map.copyOf(tags);
            names = List.copyOf(names);
        }
    }

    /** Something the monitor sent that is not a state change Flightdeck posts (New Relic's ACKNOWLEDGED, …). */
    record Skipped(String name, String why) implements Reading {
    }

    /** The delivery is not the vendor's payload: the answer is 400 with {@code getMessage()}. */
    final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }
}
