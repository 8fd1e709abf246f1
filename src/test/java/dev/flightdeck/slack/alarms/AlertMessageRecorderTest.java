package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertEpisodeStore;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.alarms.EpisodeTransitions;
import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.deploy.AlertSettings;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alarm message Slack took only after {@link SlackAlertNews} stopped waiting (Slack slow or down, a restart in
 * between) still has its place stored and its graph put in its thread, when the outbox finally sends it.
 */
class AlertMessageRecorderTest {

    final AlertsApp app = AlertsApp.shared();
    final FakeSlack slack = app.slack;
    final AlertEpisodeStore store = app.bean(AlertEpisodeStore.class);

    @Test
    void aMessageSentAfterThePosterStoppedWaitingIsStoredAndGetsItsGraph() {
        String alarm = "shop-prod-late-" + UUID.randomUUID().toString().substring(0, 8);
        Alert alert = new Alert("cloudwatch", alarm, alarm, "shop", "prod", AlertState.ALARM, "Threshold Crossed",
                Optional.of("Errors"), Optional.of("> 5.0"), app.clock.instant(), Optional.empty(), Optional.empty(),
                Optional.of(new MetricRef("Shop/Requests", "Errors", Map.of("Environment", "prod"), "Sum")), "late-1");
        long id = store.open(EpisodeTransitions.opened(alert, AlertSettings.DEFAULTS, false, app.clock.instant()))
                .orElseThrow().episode().id();
        assertThat(store.find(id).orElseThrow().episode().message()).as("the poster gave up waiting").isEmpty();
        String channel = slack.addChannel("alerts-late-" + System.nanoTime());
        String ts = slack.addMessage(channel, slack.botUserId(), "PROD: ALARM " + alarm);

        // What the outbox worker does once Slack takes the message.
        app.bean(AlertMessageRecorder.class).sent(AlertMessageRecorder.hook(id), channel, ts);

        assertThat(store.find(id).orElseThrow().episode().message()).contains(new AlertEpisode.Message(channel, ts));
        slack.awaitCall("files.completeUploadExternal", c -> ts.equals(c.param("thread_ts")), Duration.ofSeconds(15));
        assertThat(slack.files()).filteredOn(f -> ts.equals(f.threadTs())).singleElement()
                .satisfies(f -> assertThat(f.title()).isEqualTo(alarm + ": last 3 hours"));
    }

    @Test
    void otherHooksAreLeftToTheirOwners() {
        app.bean(AlertMessageRecorder.class).sent("deploy-message:1", "C0NOPE", "1.000001");
        assertThat(slack.files()).noneMatch(f -> "1.000001".equals(f.threadTs()));
    }
}
