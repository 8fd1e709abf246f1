package dev.flightdeck.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutableClockTest {
    @Test
    void standsStillUntilMovedAndZonedViewsMoveTogether() {
        MutableClock clock = MutableClock.at("2025-11-24T10:00:00Z");
        var london = clock.withZone(ZoneId.of("Europe/London"));
        var tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-11-24T11:30:00Z"));
        assertThat(LocalTime.now(london)).isEqualTo(LocalTime.of(11, 30));
        assertThat(LocalTime.now(tokyo)).isEqualTo(LocalTime.of(20, 30));

        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(london.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentAdvancesAreNotLost() {
        MutableClock clock = MutableClock.at("2025-11-24T10:00:00Z");
        CompletableFuture.allOf(IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> {
            for (int j = 0; j < 1000; j++) clock.advance(Duration.ofMillis(1));
        })).toArray(CompletableFuture[]::new)).join();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-11-24T10:00:08Z"));
    }
}
