package dev.flightdeck.health;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What calling a deep health URL found. Outcomes are one of the records below, never a magic string. */
public sealed interface HealthReport {

    URI url();

    Duration latency();

    /**
     * The service answered.
     *
     * @param overall      the body's own top-level status (UP, DOWN…), when it has one
     * @param dependencies each dependency the body reports, in its order
     */
    record Answered(URI url, int statusCode, Duration latency, Optional<String> overall,
                    List<DependencyHealth> dependencies) implements HealthReport {
        public Answered {
            dependencies = List.copyOf(dependencies);
        }

        public boolean healthy() {
            return statusCode >= 200 && statusCode < 300
                    && overall.map(s -> new DependencyHealth("", s, Optional.empty()).up()).orElse(true)
                    && dependencies.stream().allMatch(DependencyHealth::up);
        }
    }

    /** No answer within the timeout. */
    record TimedOut(URI url, Duration latency, Duration timeout) implements HealthReport {
    }

    /** Could not connect, or the exchange failed: {@code why} says how, for people. */
    record Unreachable(URI url, Duration latency, String why) implements HealthReport {
    }

    /** Not called, or not followed: the address is not one Flightdeck will call (SSRF guard), or a redirect left the host. */
    record Refused(URI url, String why) implements HealthReport {
        @Override
        public Duration latency() {
            return Duration.ZERO;
        }
    }
}
