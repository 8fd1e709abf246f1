package dev.flightdeck.aws.events;

import com.google.gson.JsonObject;
import dev.flightdeck.alarms.AlertEpisodeStore;
import dev.flightdeck.alarms.AlertNudges;
import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.slack.alarms.AlertSlackIds;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.SignedRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "CloudWatch Alarm State Change" events through the real edge ({@code POST /hooks/aws/events}) into the alerts test
 * app: one message per episode in #alerts, redrawn in place, once however often EventBridge delivers it. The events
 * are AWS's example (vendor/aws/cloudwatch-alarm-state-change.single-metric.json) with the alarm renamed to one of
 * the service shop's (prefix shop-{env}-), an id of each test's own and, for OK, the state value flipped.
 */
class CloudWatchAlarmEventsTest {

    static final AlertsApp app = AlertsApp.shared();
    static final Duration WAIT = Duration.ofSeconds(15);
    final String name = "shop-prod-5xx-" + UUID.randomUUID().toString().substring(0, 8);
    final String alerts = app.slack.channel("alerts").orElseThrow().id();

    static String event(String id, String alarm, String state) {
        JsonObject o = AwsVendorEvents.json("cloudwatch-alarm-state-change.single-metric.json");
        String text = o.toString().replace("ServerCpuTooHigh", alarm);
        JsonObject e = com.google.gson.JsonParser.parseString(text).getAsJsonObject();
        e.addProperty("id", id);
        JsonObject detail = e.getAsJsonObject("detail");
        if (state.equals("OK")) {
            detail.getAsJsonObject("state").addProperty("value", "OK");
            detail.getAsJsonObject("state").addProperty("reason", detail.getAsJsonObject("previousState")
                    .get("reason").getAsString());
            detail.getAsJsonObject("state").addProperty("timestamp", "2019-10-02T17:31:40.989+0000");
            detail.getAsJsonObject("previousState").addProperty("value", "ALARM");
        }
        return e.toString();
    }

    List<FakeMessage> messagesOf(String alarm) {
        return app.slack.messagesIn(alerts).stream().filter(m -> !m.isThreadReply())
                .filter(m -> m.allText().contains(alarm)).toList();
    }

    FakeMessage awaitMessage(String alarm) {
        app.slack.awaitCall("chat.postMessage", c -> c.allText().contains(alarm), WAIT);
        return messagesOf(alarm).get(0);
    }

    @Test
    void anAlarmPostsOnceInAlertsWithItsButtonsHoweverOftenItIsDelivered() {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> first = app.awsEvent(event(id, name, "ALARM"), AlertsApp.EVENTS_TOKEN);
        HttpResponse<String> again = app.awsEvent(event(id, name, "ALARM"), AlertsApp.EVENTS_TOKEN);
        HttpResponse<String> sameStateNewId = app.awsEvent(event(id + "-2", name, "ALARM"), AlertsApp.EVENTS_TOKEN);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("already seen: " + id);
        assertThat(sameStateNewId.statusCode()).isEqualTo(202);
        FakeMessage message = awaitMessage(name);
        assertThat(message.text()).startsWith("PROD: ALARM " + name + " — Threshold Crossed: 1 out of the last 1 "
                + "datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0)");
        assertThat(message.allText()).contains("AWS/EC2 CPUUtilization", "&gt; 50.0", "Declare incident", "Acknowledge",
                "Runbook");
        assertThat(message.attachments().toString()).contains("https://wiki.example.com/runbooks/shop");
        assertThat(messagesOf(name)).hasSize(1);
        assertThat(app.slack.calls("chat.postMessage").stream().filter(c -> c.allText().contains(name))).hasSize(1);
    }

    @Test
    void withoutTheRightTokenNothingIsPosted() {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> none = app.awsEvent(event(id, name, "ALARM"), null);
        HttpResponse<String> wrong = app.awsEvent(event(id, name, "ALARM"), "not-the-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(app.awsEvent(event(UUID.randomUUID().toString(), "shop-prod-marker-" + name, "ALARM"),
                AlertsApp.EVENTS_TOKEN).statusCode()).isEqualTo(202);
        awaitMessage("shop-prod-marker-" + name);
        assertThat(messagesOf(name)).filteredOn(m -> !m.allText().contains("marker")).isEmpty();
    }

    @Test
    void backToOkRedrawsTheSameMessageInPlace() {
        app.awsEvent(event(UUID.randomUUID().toString(), name, "ALARM"), AlertsApp.EVENTS_TOKEN);
        FakeMessage fired = awaitMessage(name);

        HttpResponse<String> ok = app.awsEvent(event(UUID.randomUUID().toString(), name, "OK"), AlertsApp.EVENTS_TOKEN);

        assertThat(ok.statusCode()).isEqualTo(202);
        app.slack.awaitCall("chat.update", c -> c.allText().contains(name) && c.allText().contains("OK"), WAIT);
        List<FakeMessage> now = messagesOf(name);
        assertThat(now).singleElement().satisfies(m -> {
            assertThat(m.ts()).isEqualTo(fired.ts());
            assertThat(m.edited()).isTrue();
            assertThat(m.text()).startsWith("PROD: OK " + name);
            assertThat(m.allText()).contains("27m").doesNotContain("Acknowledge");
        });
    }

    @Test
    void theAlarmsRunbookTagInCloudWatchIsItsRunbookButton() {
        try (CloudWatchClient cw = app.cloudWatch()) {
            cw.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/EC2").metricName("CPUUtilization")
                    .statistic(Statistic.AVERAGE).period(300).evaluationPeriods(1).threshold(50.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .tags(Tag.builder().key("runbook").value("https://wiki.example.com/runbooks/shop-cpu").build()));
        }

        app.awsEvent(event(UUID.randomUUID().toString(), name, "ALARM"), AlertsApp.EVENTS_TOKEN);

        assertThat(awaitMessage(name).attachments().toString()).contains("https://wiki.example.com/runbooks/shop-cpu");
    }

    @Test
    void anAlarmOfNoServiceIsIgnoredSayingSo() {
        String other = "billing-prod-" + name;

        HttpResponse<String> answer = app.awsEvent(event(UUID.randomUUID().toString(), other, "ALARM"),
                AlertsApp.EVENTS_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo("ignored: alarm " + other
                + " belongs to no service (no alarm selector picks it)");
    }

    @Test
    void anAlarmOnOneMetricGetsTheGraphOfItsLastThreeHoursInItsThread() {
        app.awsEvent(event(UUID.randomUUID().toString(), name, "ALARM"), AlertsApp.EVENTS_TOKEN);
        FakeMessage fired = awaitMessage(name);

        app.slack.awaitCall("files.completeUploadExternal", c -> fired.ts().equals(c.param("thread_ts")), WAIT);
        assertThat(app.slack.files()).filteredOn(f -> fired.ts().equals(f.threadTs()))
                .singleElement().satisfies(f -> assertThat(f.title()).isEqualTo(name + ": last 3 hours"));
    }

    @Test
    void anUnacknowledgedProductionAlarmPingsTheApproversInItsThread() {
        app.awsEvent(event(UUID.randomUUID().toString(), name, "ALARM"), AlertsApp.EVENTS_TOKEN);
        FakeMessage fired = awaitMessage(name);
        Instant before = app.clock.instant();
        try {
            app.clock.set(before.plus(Duration.ofMinutes(15)));
            app.bean(AlertNudges.class).runDue();
            app.bean(AlertNudges.class).runDue();
            // The outbox stamps the reply with the moved clock: it is sent before the clock goes back.
            app.slack.awaitCall("chat.postMessage", c -> fired.ts().equals(c.param("thread_ts")), WAIT);
        } finally {
            app.clock.set(before);
        }

        // The thread also holds the alarm's graph (a file reply, no text): the nudge is the one reply with words.
        assertThat(app.slack.messagesIn(alerts)).filteredOn(m -> fired.ts().equals(m.threadTs()) && m.isThreadReply()
                && m.text() != null && m.text().contains("nobody has acknowledged it")).hasSize(1);
    }

    @Test
    void acknowledgeFromTheMessageShowsWhoOnceAndASecondClickIsToldWhoWasFirst() {
        app.awsEvent(event(UUID.randomUUID().toString(), name, "ALARM"), AlertsApp.EVENTS_TOKEN);
        FakeMessage fired = awaitMessage(name);
        long id = app.bean(AlertEpisodeStore.class)
                .current("cloudwatch", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name).orElseThrow()
                .episode().id();

        SignedRequest.Reply first = app.signed.blockAction(AlertSlackIds.ACK, AlertSlackIds.ACTIONS_BLOCK + ":" + id,
                String.valueOf(id), "U0ACKER", alerts, fired.ts(), app.slack.responseUrl()).send(app.server.getURI());
        app.slack.awaitCall("chat.update", c -> c.allText().contains(name) && c.allText().contains("U0ACKER"), WAIT);
        SignedRequest.Reply second = app.signed.blockAction(AlertSlackIds.ACK, AlertSlackIds.ACTIONS_BLOCK + ":" + id,
                String.valueOf(id), "U0LATE", alerts, fired.ts(), app.slack.responseUrl()).send(app.server.getURI());

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        app.slack.awaitCall("chat.postEphemeral", c -> c.allText().contains("Already acknowledged by <@U0ACKER>"), WAIT);
        assertThat(app.bean(AlertEpisodeStore.class).find(id).orElseThrow().episode().acknowledgedBy())
                .contains("U0ACKER");
        assertThat(messagesOf(name)).singleElement().satisfies(m -> assertThat(m.allText()).doesNotContain("U0LATE"));
    }
}
