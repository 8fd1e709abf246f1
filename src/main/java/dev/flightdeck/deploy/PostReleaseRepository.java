package dev.flightdeck.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The post-release checks in progress (port). */
public interface PostReleaseRepository {

    record Watch(long deployId, Instant startedAt, Instant endsAt, Instant nextAt, int probes) {
    }

    /** Starts watching; a second start for the same deploy changes nothing. */
    void start(long deployId, Instant startedAt, Instant endsAt, Instant firstAt);

    List<Watch> due(Instant now, int limit);

    /** When the next probe of a running watch is due; empty when none runs. A store that cannot say answers "now". */
    default Optional<Instant> nextDue() {
        return Optional.of(Instant.EPOCH);
    }

    /** Moves the next probe on if it is still {@code seen}: true for exactly one claimant. */
    boolean claim(long deployId, Instant seen, Instant next);

    /** Ends the watch with an outcome; true only for the first caller. */
    boolean finish(long deployId, String outcome);
}
