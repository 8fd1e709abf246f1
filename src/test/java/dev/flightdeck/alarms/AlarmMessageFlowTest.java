package dev.flightdeck.alarms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResolution;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.slack.incident.IncidentSlackIds;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alarm episode in Slack, end to end: AWS's published "CloudWatch Alarm State Change" event delivered to
 * {@code POST /hooks/aws/events} as EventBridge's API destination would, the message in #alerts of the strict
 * FakeSlack, and people clicking its buttons and submitting the declare form through signed requests. Each test uses
 * an alarm of its own (shop-prod-… matches service shop's selector {@code shop-{env}-} in prod); the vendor example's
 * alarm name, event id and state times are replaced, as the vendor README says.
 */
class AlarmMessageFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DateTimeFormatter STATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    static AlertsApp app;
    static String alerts;

    @BeforeAll
    static void start() {
        app = AlertsApp.shared();
        alerts = app.slack.channel("alerts").orElseThrow().id();
    }

    @Test
    void anAlarmPostsOnceWithItsButtonsAndBackToOkUpdatesThatMessageInPlace() {
        String alarm = alarmName("5xx");
        JsonObject firing = event(alarm, "ALARM", Instant.now());

        assertThat(app.awsEvent(firing.toString(), AlertsApp.EVENTS_TOKEN).statusCode()).isBetween(200, 202);
        FakeSlack.Call post = awaitPost(alarm);
        assertThat(post.text()).startsWith("PROD: ALARM " + alarm + " — Threshold Crossed: 1 out of the last 1 datapoints");
        JsonObject attachment = JsonParser.parseString(post.param("attachments")).getAsJsonArray().get(0).getAsJsonObject();
        assertThat(attachment.get("color").getAsString()).isEqualTo("#E01E5A");
        assertThat(actionIds(attachment)).containsExactly("alert_declare", "alert_ack", "alert_runbook");
        assertThat(attachment.toString()).contains("*Service*\\nshop", "*Metric*", "*Threshold*", "*Since*\\n<!date^",
                "https://wiki.example.com/runbooks/shop");
        System.out.println("=== ALARM MESSAGE ===");
        // As FakeSlack received it: the message text, then its one attachment (colour and blocks), pretty-printed.
        System.out.println(post.text());
        System.out.println(new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(JsonParser.parseString(post.param("attachments"))));
        System.out.println("=== END ===");

        // The same delivery again (EventBridge retries an unanswered one): nothing new.
        assertThat(app.awsEvent(firing.toString(), AlertsApp.EVENTS_TOKEN).statusCode()).isBetween(200, 299);

        String ts = post.response().get("ts").getAsString();
        JsonObject ok = event(alarm, "OK", Instant.now());
        assertThat(app.awsEvent(ok.toString(), AlertsApp.EVENTS_TOKEN).statusCode()).isBetween(200, 202);
        FakeSlack.Call update = awaitUpdate(ts, c -> c.text().startsWith("PROD: OK " + alarm));
        assertThat(update.channel()).isEqualTo(alerts);
        assertThat(attachments(update)).contains("#2EB67D", "*Fired for*", "Nobody acknowledged it")
                .doesNotContain("alert_declare", "alert_ack");
        // Behind the OK's update in the episode's queue: the repeated ALARM posted nothing.
        assertThat(postsOf(alarm)).hasSize(1);
        assertThat(app.slack.messagesIn(alerts).stream().filter(m -> m.ts().equals(ts)).findFirst().orElseThrow()
                .allText()).contains("PROD: OK " + alarm);
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndPostsNothing() {
        String alarm = alarmName("token");
        JsonObject firing = event(alarm, "ALARM", Instant.now());

        HttpResponse<String> wrong = app.awsEvent(firing.toString(), "not-the-token");
        HttpResponse<String> missing = app.awsEvent(firing.toString(), null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(AlertsApp.EVENTS_TOKEN);
        assertThat(app.bean(AlertEpisodeStore.class).current("cloudwatch", arn(alarm))).isEmpty();
        assertThat(postsOf(alarm)).isEmpty();
        // The same event with the right token is new to Flightdeck: the refused ones were not even remembered.
        assertThat(app.awsEvent(firing.toString(), AlertsApp.EVENTS_TOKEN).statusCode()).isBetween(200, 202);
        awaitPost(alarm);
        assertThat(postsOf(alarm)).hasSize(1);
    }

    @Test
    void acknowledgeShowsWhoAndASecondClickIsToldWhoWasFirst() {
        String ann = person("ann");
        String bob = person("bob");
        String alarm = alarmName("ack");
        assertThat(app.awsEvent(event(alarm, "ALARM", Instant.now()).toString(), AlertsApp.EVENTS_TOKEN).statusCode())
                .isBetween(200, 202);
        FakeSlack.Call post = awaitPost(alarm);
        String ts = post.response().get("ts").getAsString();
        String episode = value(post, "alert_ack");

        click("alert_ack", episode, ann, ts);
        FakeSlack.Call acked = awaitUpdate(ts, c -> attachments(c).contains("Acknowledged by <@" + ann + ">"));
        assertThat(actionIds(JsonParser.parseString(acked.param("attachments")).getAsJsonArray().get(0).getAsJsonObject()))
                .containsExactly("alert_declare", "alert_runbook");

        click("alert_ack", episode, bob, ts);
        FakeSlack.Call told = app.slack.awaitCall("chat.postEphemeral", c -> bob.equals(c.param("user")), WAIT);
        assertThat(told.text()).startsWith("Already acknowledged by <@" + ann + ">");
        assertThat(app.bean(AlertEpisodeStore.class).find(Long.parseLong(episode)).orElseThrow().episode()
                .acknowledgedBy()).contains(ann);
    }

    @Test
    void declareOpensThePrefilledFormAndDeclaringPutsTheAlarmOnTheIncidentsTimeline() {
        String cat = person("cat");
        String alarm = alarmName("declare");
        assertThat(app.awsEvent(event(alarm, "ALARM", Instant.now()).toString(), AlertsApp.EVENTS_TOKEN).statusCode())
                .isBetween(200, 202);
        FakeSlack.Call post = awaitPost(alarm);
        String ts = post.response().get("ts").getAsString();
        String episode = value(post, "alert_declare");

        click("alert_declare", episode, cat, ts);
        FakeSlack.Call open = app.slack.awaitCall("views.open", c -> c.param("view").contains("|alert:" + episode), WAIT);
        JsonObject view = JsonParser.parseString(open.param("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo(IncidentSlackIds.INCIDENT_DECLARE_MODAL);
        assertThat(view.get("private_metadata").getAsString()).isEqualTo(alerts + "|alert:" + episode);
        String title = alarm + ": shop in prod";
        assertThat(view.get("blocks").toString()).contains("\"initial_value\":\"" + title + "\"",
                "\"value\":\"SEV2\"", "From the alarm of *shop* in *prod*");

        var submitted = app.signed.viewSubmission(IncidentSlackIds.INCIDENT_DECLARE_MODAL,
                view.get("private_metadata").getAsString(), Map.of(
                        IncidentSlackIds.INCIDENT_INPUT_TITLE, Map.of(IncidentSlackIds.INCIDENT_INPUT_TITLE, title),
                        IncidentSlackIds.INCIDENT_INPUT_SEVERITY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SEVERITY, "SEV2")),
                cat).send(app.server.getURI());
        assertThat(submitted.status()).isEqualTo(200);
        FakeSlack.Call linked = awaitUpdate(ts, c -> attachments(c).contains(":fire: On the timeline of *INC-"));
        long number = Long.parseLong(attachments(linked).replaceAll("(?s).*On the timeline of \\*INC-(\\d+)\\*.*", "$1"));
        try {
            assertThat(attachments(linked)).doesNotContain("alert_declare");
            Incident incident = app.bean(IncidentService.class).find(number).orElseThrow();
            assertThat(incident.title()).isEqualTo(title);
            assertThat(incident.severity().label()).isEqualTo("sev2");
            assertThat(incident.declaredIn()).contains(alerts);
            assertThat(app.bean(IncidentService.class).timeline(number)).extracting(TimelineEntry::text)
                    .anySatisfy(text -> assertThat(text).startsWith("Declared from alarm " + alarm + " (shop in prod)"));
        } finally {
            // The shared app's other tests expect shop to have no open incident (an alarm would go on its timeline).
            app.bean(IncidentResolution.class).resolve(number, new Incident.SummaryText("Test over", "nobody",
                    "an alarm in a test", "none"), cat);
        }
    }

    // ---- the event, as AWS publishes it, for this test's alarm

    static JsonObject event(String alarm, String state, Instant at) {
        String example;
        try (InputStream in = AlarmMessageFlowTest.class.getResourceAsStream(
                "/vendor/aws/cloudwatch-alarm-state-change.single-metric.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonObject e = JsonParser.parseString(example.replace("ServerCpuTooHigh", alarm)).getAsJsonObject();
        e.addProperty("id", UUID.randomUUID().toString());
        e.addProperty("time", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        JsonObject detail = e.getAsJsonObject("detail");
        if (!"ALARM".equals(state)) {
            // The example goes OK -> ALARM; the way back swaps the two.
            JsonObject alarmed = detail.getAsJsonObject("state");
            detail.add("state", detail.getAsJsonObject("previousState"));
            detail.add("previousState", alarmed);
        }
        detail.getAsJsonObject("state").addProperty("value", state);
        detail.getAsJsonObject("state").addProperty("timestamp", STATE_TIME.format(at));
        return e;
    }

    static String alarmName(String what) {
        return "shop-prod-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String arn(String alarm) {
        return "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarm;
    }

    // ---- Slack

    private static String person(String name) {
        String id = app.slack.addUser(name + "-" + UUID.randomUUID().toString().substring(0, 6));
        app.slack.addMember(alerts, id);
        return id;
    }

    private static void click(String action, String episode, String user, String ts) {
        var response = app.signed.blockAction(action, "alert_actions:" + episode, episode, user, alerts, ts,
                app.slack.responseUrl()).send(app.server.getURI());
        assertThat(response.status()).isEqualTo(200);
    }

    private static FakeSlack.Call awaitPost(String alarm) {
        return app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.text() != null && c.text().contains(" " + alarm + " "), WAIT);
    }

    private static List<FakeSlack.Call> postsOf(String alarm) {
        return app.slack.successfulCalls("chat.postMessage").stream()
                .filter(c -> c.text() != null && c.text().contains(" " + alarm + " ")).toList();
    }

    private static FakeSlack.Call awaitUpdate(String ts, java.util.function.Predicate<FakeSlack.Call> matching) {
        return app.slack.awaitCall("chat.update", c -> c.ok() && ts.equals(c.param("ts")) && c.text() != null
                && c.param("attachments") != null && matching.test(c), WAIT);
    }

    /** The attachments as sent, read back (the SDK's JSON escapes '<' and '>' as unicode). */
    private static String attachments(FakeSlack.Call call) {
        return JsonParser.parseString(call.param("attachments")).toString();
    }

    private static String value(FakeSlack.Call post, String actionId) {
        for (JsonElement b : blocks(post)) {
            JsonObject block = b.getAsJsonObject();
            if (block.has("elements") && "actions".equals(block.get("type").getAsString())) {
                for (JsonElement el : block.getAsJsonArray("elements")) {
                    if (actionId.equals(el.getAsJsonObject().get("action_id").getAsString())) {
                        return el.getAsJsonObject().get("value").getAsString();
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " button in " + post.param("attachments"));
    }

    private static JsonArray blocks(FakeSlack.Call post) {
        return JsonParser.parseString(post.param("attachments")).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonArray("blocks");
    }

    private static List<String> actionIds(JsonObject attachment) {
        List<String> ids = new ArrayList<>();
        for (JsonElement b : attachment.getAsJsonArray("blocks")) {
            if ("actions".equals(b.getAsJsonObject().get("type").getAsString())) {
                b.getAsJsonObject().getAsJsonArray("elements")
                        .forEach(el -> ids.add(el.getAsJsonObject().get("action_id").getAsString()));
            }
        }
        return ids;
    }
}
