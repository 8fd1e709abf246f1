package dev.flightdeck.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployWindowTest {

    /** 2025-03-10 is a Monday; day 0 = Monday of that week. */
    private static Instant at(String zone, int dayOfWeek, int hour, int minute) {
        return LocalDateTime.of(2025, 3, 10 + dayOfWeek, hour, minute).atZone(ZoneId.of(zone)).toInstant();
    }

    @ParameterizedTest(name = "{0}: day {1} {2}:{3} open={4}")
    @CsvSource({
            "Mon-Thu 09:00-16:00 America/Los_Angeles, 1,  9,  0, true",   // opens on the minute
            "Mon-Thu 09:00-16:00 America/Los_Angeles, 1, 15, 59, true",
            "Mon-Thu 09:00-16:00 America/Los_Angeles, 1, 16,  0, false",  // closes on the minute
            "Mon-Thu 09:00-16:00 America/Los_Angeles, 4, 10,  0, false",  // Friday
            "Fri 22:00-02:00 UTC,                      4, 23,  0, true",   // Friday night
            "Fri 22:00-02:00 UTC,                      5,  1, 59, true",   // Saturday small hours, still Friday's window
            "Fri 22:00-02:00 UTC,                      5, 22, 30, false",  // Saturday night is not Friday
            "Fri 22:00-02:00 UTC,                      3, 23,  0, false",
            "Fri 22:00-02:00 UTC,                      0,  1,  0, false",  // Monday: Sunday had no window
            "Sat-Sun 00:00-24:00 Europe/Berlin,        6, 23, 59, true",
            "Sat-Sun 00:00-24:00 Europe/Berlin,        0,  0,  0, false",
    })
    void containsInTheWindowsOwnZone(String window, int day, int hour, int minute, boolean open) {
        DeployWindow w = DeployWindow.parse(window);
        assertThat(w.contains(at(w.zone().getId(), day, hour, minute))).isEqualTo(open);
    }

    @Test
    void theZoneDecidesNotTheServer() {
        DeployWindow la = DeployWindow.parse("Mon-Thu 09:00-16:00 America/Los_Angeles");
        // Tuesday 17:00 UTC is 10:00 in Los Angeles (PDT): open. Tuesday 10:00 UTC is 03:00 there: closed.
        assertThat(la.contains(at("UTC", 1, 17, 0))).isTrue();
        assertThat(la.contains(at("UTC", 1, 10, 0))).isFalse();
        // Friday 01:00 UTC is still Thursday 18:00 in Los Angeles, after closing.
        assertThat(la.contains(at("UTC", 4, 1, 0))).isFalse();
    }

    @Test
    void dayRangesWrapAroundTheWeekAndListsMix() {
        assertThat(DeployWindow.parse("Fri-Mon 10:00-12:00 UTC").days())
                .containsExactlyInAnyOrder(FRIDAY, SATURDAY, SUNDAY, MONDAY);
        assertThat(DeployWindow.parse("Mon, Wed,fri 10:00-12:00 UTC").days())
                .containsExactlyInAnyOrder(MONDAY, WEDNESDAY, FRIDAY);
        assertThat(DeployWindow.parse("Saturday-Sunday,Wed 10:00-12:00 UTC").days())
                .containsExactlyInAnyOrder(SATURDAY, SUNDAY, WEDNESDAY);
        assertThat(DeployWindow.parse("10:00-12:00 UTC").days()).containsExactlyInAnyOrder(DayOfWeek.values());
    }

    @Test
    void describeWritesItBackCanonically() {
        DeployWindow w = DeployWindow.parse("mon-thu 9:00-16:00 America/Los_Angeles");
        assertThat(w.describe()).isEqualTo("Mon,Tue,Wed,Thu 09:00-16:00 America/Los_Angeles");
        assertThat(DeployWindow.parse(w.describe())).isEqualTo(w);
        assertThat(DeployWindow.parse("Sat 00:00-24:00 UTC").describe()).isEqualTo("Sat 00:00-24:00 UTC");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> DeployWindow.parse("Mon-Thu 09:00-16:00 PST"))
                .hasMessageStartingWith("unknown time zone \"PST\"");
        assertThatThrownBy(() -> DeployWindow.parse("Mon-Thr 09:00-16:00 UTC"))
                .hasMessageStartingWith("\"Thr\" is not a day");
        assertThatThrownBy(() -> DeployWindow.parse("Mon 09:00-25:00 UTC"))
                .hasMessageStartingWith("\"25:00\" is not a time of day");
        assertThatThrownBy(() -> DeployWindow.parse("Mon 09:00-09:00 UTC"))
                .hasMessageContaining("opens and closes at the same time");
        assertThatThrownBy(() -> DeployWindow.parse("Mon 09:00-16:00"))
                .hasMessageStartingWith("needs a time zone");
        assertThatThrownBy(() -> DeployWindow.parse("Mon-Tue-Wed 09:00-16:00 UTC"))
                .hasMessageContaining("is not a day range");
    }
}
