package dev.flightdeck.text;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared text helpers: one edit distance (two ways of counting a swap), one UTC format, cutting and counting. */
class TextKernelTest {

    @Test
    void aSwapOfNeighboursIsOneEditForCommandsAndTwoForTeamFileKeys() {
        assertThat(Closest.distance("stauts", "status")).isEqualTo(1);
        assertThat(Closest.distanceWithoutSwaps("stauts", "status")).isEqualTo(2);
        assertThat(Closest.distanceWithoutSwaps("autostart", "auto-start")).isEqualTo(1);
    }

    @Test
    void typosAreOneEditFromShortWordsAndTwoFromLongerOnes() {
        assertThat(Closest.typoOf("lok", List.of("lock", "unlock"))).contains("lock");
        assertThat(Closest.typoOf("lk", List.of("lock"))).isEmpty();
        assertThat(Closest.typoOf("stauts", List.of("status", "stats"))).contains("status");
        assertThat(Closest.nearest("stat", List.of("lock", "status"))).isEqualTo("status");
    }

    @Test
    void teamFileSuggestionsIgnoreCaseAndAllowAboutOneMistakePerThreeCharacters() {
        assertThat(Closest.suggestion("Aproverz", List.of("approvers", "channel"))).contains("approvers");
        assertThat(Closest.suggestion("xyz", List.of("approvers"))).isEmpty();
    }

    @Test
    void momentsAreWrittenInUtcToTheMinute() {
        Instant at = Instant.parse("2026-11-24T06:37:59Z");
        assertThat(UtcTime.format(at)).isEqualTo("2026-11-24 06:37 UTC");
        assertThat(UtcTime.format(null, "—")).isEqualTo("—");
    }

    @Test
    void cuttingEndsWithAnEllipsisWithinTheLimit() {
        assertThat(Texts.cut("incident title", 8)).isEqualTo("inciden…").hasSize(8);
        assertThat(Texts.cut("short", 8)).isEqualTo("short");
        assertThat(Texts.plural(1, "key", "keys")).isEqualTo("1 key");
        assertThat(Texts.plural(3, "key", "keys")).isEqualTo("3 keys");
        assertThat(Texts.safeUrl(" HTTPS://ci.example.com/1 ")).isEqualTo("HTTPS://ci.example.com/1");
        assertThat(Texts.safeUrl("data:text/html,x")).isNull();
    }
}
