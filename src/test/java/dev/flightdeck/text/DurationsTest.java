package dev.flightdeck.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @Test
    void parsesEachUnit() {
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("15m")).contains(Duration.ofMinutes(15));
        assertThat(Durations.parse("4h")).contains(Duration.ofHours(4));
        assertThat(Durations.parse(" 2d ")).contains(Duration.ofDays(2));
    }

    @Test
    void rejectsOtherForms() {
        assertThat(Durations.parse("15")).isEmpty();
        assertThat(Durations.parse("0m")).isEmpty();
        assertThat(Durations.parse("1h30m")).isEmpty();
        assertThat(Durations.parse("15 min")).isEmpty();
        assertThat(Durations.parse("PT15M")).isEmpty();
    }

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofMinutes(60))).isEqualTo("1h");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
    }
}
