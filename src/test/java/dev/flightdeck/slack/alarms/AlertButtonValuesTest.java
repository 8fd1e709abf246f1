package dev.flightdeck.slack.alarms;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What the alarm buttons and the declare form's origin accept as an episode id. */
class AlertButtonValuesTest {

    @Test
    void aButtonValueIsAnEpisodeIdOrNothing() {
        assertThat(AlertButtons.episodeId("42")).isEqualTo(OptionalLong.of(42));
        assertThat(AlertButtons.episodeId("")).isEmpty();
        assertThat(AlertButtons.episodeId(null)).isEmpty();
        assertThat(AlertButtons.episodeId("42; DROP")).isEmpty();
        assertThat(AlertButtons.episodeId("-1")).isEmpty();
        assertThat(AlertButtons.episodeId("9999999999999999999")).isEmpty();
    }

    @Test
    void theLinkTakesOnlyItsOwnOrigins() {
        AlertIncidentLink link = new AlertIncidentLink(null, null);
        assertThat(link.handles(AlertIncidentLink.origin(42))).isTrue();
        assertThat(AlertIncidentLink.origin(42)).isEqualTo("alert:42");
        assertThat(link.handles("alert:")).isFalse();
        assertThat(link.handles("alert:x")).isFalse();
        assertThat(link.handles("deploy:42")).isFalse();
    }
}
