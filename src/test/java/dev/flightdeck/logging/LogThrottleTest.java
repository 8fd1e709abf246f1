package dev.flightdeck.logging;

import dev.flightdeck.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** One line per key a period, the next one saying how many were left out in between. */
class LogThrottleTest {

    @Test
    void theFirstOfAKeyIsLoggedTheRestOfThePeriodCountedAndToldWithTheNextLine() {
        MutableClock clock = MutableClock.at("2026-12-07T12:00:00Z");
        LogThrottle throttle = new LogThrottle(Duration.ofMinutes(1), clock);

        assertThat(throttle.admit("wrong-token")).isEqualTo(OptionalInt.of(0));
        assertThat(throttle.admit("wrong-token")).isEmpty();
        assertThat(throttle.admit("wrong-token")).isEmpty();
        assertThat(throttle.admit("missing-token")).isEqualTo(OptionalInt.of(0));
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.admit("wrong-token")).isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(throttle.admit("wrong-token")).isEqualTo(OptionalInt.of(3));
        assertThat(throttle.admit("wrong-token")).isEmpty();
    }
}
