package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.slack.alarms.AlarmGraphInThread.Result;
import dev.flightdeck.testing.FakeCloudWatchWidgets;
import dev.flightdeck.testing.FakeFile;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.SlackManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarm's graph in its thread, end to end in the running alerts app: drawn by the real CloudWatch adapter against
 * the fake GetMetricWidgetImage endpoint, uploaded through the real Slack edge into FakeSlack. When the picture cannot
 * be had or Slack refuses it, the channel hears nothing of it.
 */
class AlarmGraphInThreadTest {

    final AlertsApp app = AlertsApp.shared();
    final FakeSlack slack = app.slack;
    final FakeCloudWatchWidgets cloudWatch = app.widgets;
    final AlarmGraphInThread graphs = app.bean(AlarmGraphInThread.class);

    @AfterEach
    void restore() {
        cloudWatch.reset();
        slack.grantScopes(SlackManifest.load().botScopes());
    }

    static final MetricRef ERRORS = new MetricRef("Shop/Requests", "Errors", Map.of("Environment", "prod"), "Sum");

    static AlertEpisode episode(String alarm, Optional<MetricRef> graph, Optional<String> threshold) {
        Alert alert = new Alert("cloudwatch", alarm, alarm, "shop", "prod", AlertState.ALARM,
                "Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).", Optional.of("Errors"),
                threshold, Instant.parse("2026-12-07T11:00:00Z"), Optional.empty(), Optional.empty(), graph, "event-1");
        return new AlertEpisode(7, alert, alert.at(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), 0, Optional.empty());
    }

    /** A channel with the episode's message in it, as the alarm message adapter leaves it. */
    AlertEpisode.Message posted() {
        String channel = slack.addChannel("alerts-graph-" + System.nanoTime());
        return new AlertEpisode.Message(channel, slack.addMessage(channel, slack.botUserId(), "PROD: ALARM shop-prod-errors"));
    }

    Result attach(AlertEpisode episode, AlertEpisode.Message message) throws Exception {
        return graphs.attached(episode, message).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theLastThreeHoursWithTheThresholdArePostedInTheEpisodesThread() throws Exception {
        AlertEpisode.Message message = posted();

        assertThat(attach(episode("shop-prod-errors", Optional.of(ERRORS), Optional.of("5.0")), message))
                .isEqualTo(Result.POSTED);

        FakeFile file = slack.files().stream().filter(f -> message.channelId().equals(f.channel())).findFirst().orElseThrow();
        assertThat(file.threadTs()).isEqualTo(message.ts());
        assertThat(file.title()).isEqualTo("shop-prod-errors: last 3 hours");
        assertThat(file.filename()).isEqualTo("shop-prod-errors-3h.png");
        assertThat(file.bytes()).startsWith(0x89, 'P', 'N', 'G');
        List<FakeMessage> thread = slack.messagesIn(message.channelId());
        assertThat(thread).extracting(FakeMessage::ts).containsExactly(message.ts(), file.ts());

        FakeCloudWatchWidgets.Request drawn = cloudWatch.requestsFor("shop-prod-errors").get(0);
        assertThat(drawn.widget().get("title").getAsString()).isEqualTo("shop-prod-errors");
        assertThat(drawn.widget().get("start").getAsString()).isEqualTo("-PT3H");
        assertThat(drawn.firstMetric().toString()).startsWith("[\"Shop/Requests\",\"Errors\",\"Environment\",\"prod\",");
        assertThat(drawn.widget().getAsJsonObject("annotations").getAsJsonArray("horizontal").get(0)
                .getAsJsonObject().get("value").getAsDouble()).isEqualTo(5.0);
    }

    @Test
    void attachReturnsAtOnceWhileThePictureIsStillBeingDrawn() throws Exception {
        AlertEpisode.Message message = posted();
        CountDownLatch release = new CountDownLatch(1);
        cloudWatch.holdUntil(release);

        graphs.attach(episode("shop-prod-errors", Optional.of(ERRORS), Optional.empty()), message);
        // The pool takes one graph at a time, in order: when this one is done, so is the one before.
        CompletableFuture<Result> second = graphs.attached(episode("shop-prod-latency", Optional.of(ERRORS),
                Optional.empty()), message);
        assertThat(second).isNotDone();
        assertThat(slack.messagesIn(message.channelId())).hasSize(1);
        release.countDown();

        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(Result.POSTED);
        assertThat(slack.messagesIn(message.channelId())).hasSize(3);
        assertThat(cloudWatch.requestsFor("shop-prod-errors").get(0).widget().has("annotations")).as("no threshold, no line").isFalse();
    }

    @Test
    void anAlarmOnMoreThanOneMetricHasNoGraphAndNothingIsAsked() throws Exception {
        AlertEpisode.Message message = posted();

        assertThat(attach(episode("shop-prod-composite", Optional.empty(), Optional.empty()), message))
                .isEqualTo(Result.NO_METRIC);
        assertThat(cloudWatch.requestsFor("shop-prod-composite")).isEmpty();
        assertThat(slack.messagesIn(message.channelId())).hasSize(1);
    }

    @Test
    void withCloudWatchDownNothingIsPostedAndOneLineIsLogged() throws Exception {
        AlertEpisode.Message message = posted();
        cloudWatch.down(true);
        slack.clearCalls();

        try (LogCapture log = LogCapture.root()) {
            assertThat(attach(episode("shop-prod-errors", Optional.of(ERRORS), Optional.of("5.0")), message))
                    .isEqualTo(Result.NO_PICTURE);

            assertThat(slack.messagesIn(message.channelId())).extracting(FakeMessage::ts).containsExactly(message.ts());
            assertThat(slack.calls()).extracting(FakeSlack.Call::method)
                    .doesNotContain("files.getUploadURLExternal", "files.completeUploadExternal", "chat.postMessage");
            assertThat(log.lines()).filteredOn(l -> l.toLowerCase().contains("graph")).singleElement().asString()
                    .startsWith("WARN No alarm graph: CloudWatch GetMetricWidgetImage: AWS could not be reached");
        }
    }

    @Test
    void whenSlackRefusesTheUploadTheChannelHearsNothingAndTheLogNamesSlacksErrorOnly() throws Exception {
        AlertEpisode.Message message = posted();
        Set<String> scopes = new TreeSet<>(SlackManifest.load().botScopes());
        scopes.remove("files:write");
        slack.grantScopes(scopes);

        try (LogCapture log = LogCapture.root()) {
            assertThat(attach(episode("shop-prod-errors", Optional.of(ERRORS), Optional.of("5.0")), message))
                    .isEqualTo(Result.NOT_POSTED);

            assertThat(slack.messagesIn(message.channelId())).extracting(FakeMessage::ts).containsExactly(message.ts());
            List<String> lines = log.lines().stream().filter(l -> l.contains("graph")).toList();
            assertThat(lines).containsExactly("WARN Alarm graph not posted in " + message.channelId()
                    + ": files.getUploadURLExternal answered missing_scope");
            assertThat(log.linesWithThrowables()).noneMatch(l -> l.contains(FakeSlack.BOT_TOKEN) || l.contains("/upload/v1/"));
        }
    }

    @Test
    void aGraphAdapterThatBreaksOrAStoppedPoolNeverReachesTheCaller() throws Exception {
        AlarmGraphInThread breaking = new AlarmGraphInThread((metric, name, threshold) -> {
            throw new IllegalStateException("boom");
        }, app.bean(dev.flightdeck.slack.api.FileUploads.class));
        AlertEpisode episode = episode("shop-prod-errors", Optional.of(ERRORS), Optional.of("5.0"));
        AlertEpisode.Message message = posted();
        try (LogCapture log = new LogCapture(AlarmGraphInThread.class)) {
            assertThat(breaking.attached(episode, message).get(30, TimeUnit.SECONDS)).isEqualTo(Result.NOT_POSTED);
            assertThat(log.lines()).containsExactly("WARN Alarm graph of episode 7 not posted: IllegalStateException");

            breaking.close();
            breaking.attach(episode, message);
            assertThat(breaking.attached(episode, message).get(30, TimeUnit.SECONDS)).isEqualTo(Result.SKIPPED);
            assertThat(breaking.attached(null, message).get(30, TimeUnit.SECONDS)).isEqualTo(Result.NOT_POSTED);
        }
        assertThat(slack.messagesIn(message.channelId())).hasSize(1);
    }

    @Test
    void aThresholdIsReadAsPeopleWriteItOrNotDrawn() {
        assertThat(threshold("5.0")).contains(5.0);
        assertThat(threshold(" > 5 ")).contains(5.0);
        assertThat(threshold(">= 1.5E3 ms")).contains(1500.0);
        assertThat(threshold("99.5%")).contains(99.5);
        assertThat(threshold("-2")).contains(-2.0);
        assertThat(threshold("5xx over 2")).isEmpty();
        assertThat(threshold("")).isEmpty();
        assertThat(AlarmGraphInThread.threshold(episode("a", Optional.of(ERRORS), Optional.empty()).latest())).isEmpty();
    }

    @Test
    void theFileIsNamedAfterTheAlarmInCharactersEveryoneTakes() {
        assertThat(AlarmGraphInThread.fileName("shop-prod-5xx")).isEqualTo("shop-prod-5xx-3h.png");
        assertThat(AlarmGraphInThread.fileName("../Shop: 5xx / prod")).isEqualTo("Shop-5xx-prod-3h.png");
        assertThat(AlarmGraphInThread.fileName("<>")).isEqualTo("alarm-3h.png");
    }

    static Optional<Double> threshold(String written) {
        return AlarmGraphInThread.threshold(episode("a", Optional.of(ERRORS), Optional.of(written)).latest());
    }
}
