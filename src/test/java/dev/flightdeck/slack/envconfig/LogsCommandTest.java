package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /deploy logs} through the real edge of the alerts app: signed slash commands, the answer on the
 * response_url in FakeSlack, CloudWatch Logs Insights in moto_server behind {@link dev.flightdeck.alarms.LogsInsightsProxy}
 * (which applies the query's filter the way Logs Insights does), lines planted with PutLogEvents shortly before the
 * app clock's now, the service's secret a SecureString under its SSM path.
 */
class LogsCommandTest {

    static final String ALICE = "U0LOGS0001";
    static final String GROUP = "/ecs/shop-prod";
    static final String SECRET = "shop-pay-7Hq2xV9rLm4KpZ";
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    static AlertsApp app;

    @BeforeAll
    static void start() {
        app = AlertsApp.shared();
        try (CloudWatchLogsClient logs = app.logs(); SsmClient ssm = app.ssm()) {
            try {
                logs.createLogGroup(r -> r.logGroupName(GROUP));
            } catch (ResourceAlreadyExistsException e) {
                // another class of this JVM made it: the streams are ours alone
            }
            ssm.putParameter(r -> r.name("/shop/prod/PAYMENT_API_KEY").type(ParameterType.SECURE_STRING).value(SECRET)
                    .overwrite(true));
        }
    }

    @AfterEach
    void release() {
        app.logsInsights.hold(false);
    }

    @Test
    void findsThePlantedLinesNewestFirstWithHowManyMatched() {
        String marker = "order-" + System.nanoTime();
        Instant now = app.clock.instant();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            lines.add("INFO checkout " + marker + " step " + i);
        }
        plant(now.minus(Duration.ofMinutes(30)), lines);
        plant(now.minus(Duration.ofMinutes(20)), List.of("INFO unrelated line of another order"));

        assertThat(ack("logs shop prod since 2h -- " + marker))
                .isEqualTo("Searching the logs of *shop* in *prod* over the last 2h for `" + marker + "`…");
        String text = shown(answer("logs shop prod since 2h -- " + marker));

        assertThat(text).contains("Logs of shop in prod", "The newest 20 of 25 matching lines over the last 2h for `"
                + marker + "`:", "Open it in CloudWatch Logs Insights", "https://us-east-1.console.aws.amazon.com/"
                + "cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D")
                .doesNotContain("unrelated line", marker + " step 5\n");
        // Newest first: step 25 was logged last; steps 1 to 5 are past the 20 shown.
        assertThat(text.indexOf(marker + " step 25")).isLessThan(text.indexOf(marker + " step 24"));
        assertThat(text).contains(SHOWN.format(now.minus(Duration.ofMinutes(30)).plusMillis(25)) + "  INFO checkout "
                + marker + " step 25").doesNotContain(marker + " step 1\n", marker + " step 4\n");
        assertThat(app.logsInsights.started).contains("fields @timestamp, @message | filter @message like /" + marker
                + "/ | sort @timestamp desc | limit 20");
        // Who searched is audited, what they searched for is not (it may be a leaked key).
        List<String> audited = app.bean(AuditLog.class).find(AuditQuery.newestFirst(50).ofTypes("logs.searched").by(ALICE))
                .stream().map(AuditEvent::payloadJson).toList();
        assertThat(audited).contains("{\"env\":\"prod\",\"search\":\"text\",\"service\":\"shop\",\"since\":\"2h\"}");
        assertThat(String.join("\n", audited)).doesNotContain(marker);
    }

    @Test
    void masksTheServicesSecretAndTokenShapedStringsAndPingsNobody() {
        String marker = "charge-" + System.nanoTime();
        plant(app.clock.instant().minus(Duration.ofMinutes(5)), List.of(
                "DEBUG " + marker + " calling the payment API with key " + SECRET + " for order 42",
                "DEBUG " + marker + " slack notify with xoxb-123456789012-abcdefghijklmn failed <!channel>"));

        String answered = answer("logs shop prod -- " + marker).allText();
        String text = Mrkdwn.unescape(answered);

        assertThat(text).contains("2 matching lines, newest first, over the last 1h",
                marker + " calling the payment API with key [masked] for order 42",
                marker + " slack notify with [masked] failed <!channel>")
                .doesNotContain(SECRET, "xoxb-123456789012");
        assertThat(answered).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
        assertThat(app.slack.calls()).noneMatch(c -> (c.rawBody() + c.params()).contains(SECRET));
    }

    @Test
    void aSlowQuerySaysSoAndAnswersLaterWithTheLines() {
        String marker = "slow-" + System.nanoTime();
        plant(app.clock.instant().minus(Duration.ofMinutes(10)), List.of("WARN " + marker + " took 9s"));
        app.logsInsights.hold(true);
        String responseUrl = send("logs shop prod -- " + marker);

        FakeSlack.Call first = app.slack.awaitResponse(responseUrl, Duration.ofSeconds(30));
        assertThat(shown(first)).contains("The search of the logs of *shop* in *prod* is still running after 3 s; its "
                + "lines will follow here when it is done.", "Open it in CloudWatch Logs Insights");
        app.logsInsights.hold(false);

        FakeSlack.Call second = app.slack.awaitCall(FakeSlack.RESPONSE_URL, c -> responseUrl.equals(c.param(
                FakeSlack.RESPONSE_URL)) && c != first && shown(c).contains("Logs of shop in prod"), Duration.ofSeconds(30));
        assertThat(shown(second)).contains("1 matching line, newest first, over the last 1h", marker + " took 9s");
        assertThat(app.slack.responsesTo(responseUrl)).hasSize(2);
    }

    @Test
    void aQueryThatNeverCompletesIsStoppedAndSaidSo() {
        app.logsInsights.hold(true);
        int stoppedBefore = app.logsInsights.stopped.size();
        String responseUrl = send("logs shop prod since 15m -- never-" + System.nanoTime());

        FakeSlack.Call last = app.slack.awaitCall(FakeSlack.RESPONSE_URL, c -> responseUrl.equals(c.param(
                FakeSlack.RESPONSE_URL)) && shown(c).contains("stopped"), Duration.ofSeconds(40));

        assertThat(shown(last)).contains("The search of the logs of *shop* in *prod* was still running after 12s, so it"
                + " was stopped. Try a shorter `since` or a narrower filter.");
        assertThat(app.logsInsights.stopped).hasSize(stoppedBefore + 1);
        assertThat(app.slack.responsesTo(responseUrl)).hasSize(2);
    }

    @Test
    void aFilterWithRegexCharactersAndSlashesIsMatchedLiterally() {
        String marker = "lit" + System.nanoTime();
        String typed = marker + " GET /api/v1.5/(cart)|[a+b]*? \\d";
        plant(app.clock.instant().minus(Duration.ofMinutes(3)), List.of(
                "INFO " + typed + " 200",
                "INFO " + marker + " GET /api/v1x5/(cart)|[a+b]*? \\d 200",
                "INFO " + marker + " GET /api/v1.5/cart 404"));

        String text = shown(answer("logs shop prod -- " + typed));

        assertThat(text).contains("1 matching line, newest first", typed + " 200").doesNotContain("v1x5", "cart 404");
        assertThat(app.logsInsights.started).contains("fields @timestamp, @message | filter @message like /" + marker
                + " GET \\/api\\/v1\\.5\\/\\(cart\\)\\|\\[a\\+b\\]\\*\\? \\\\d/ | sort @timestamp desc | limit 20");
    }

    @Test
    void aFilterCannotEndTheRegexAndAddQueryCommands() {
        String marker = "inject" + System.nanoTime();
        plant(app.clock.instant().minus(Duration.ofMinutes(3)), List.of("INFO " + marker + " plain line"));

        String text = shown(answer("logs shop prod -- " + marker + "/ | fields @logStream | filter @message like /."));

        assertThat(text).contains("No lines matched over the last 1h for");
        assertThat(app.logsInsights.started).contains("fields @timestamp, @message | filter @message like /" + marker
                + "\\/ \\| fields @logStream \\| filter @message like \\/\\./ | sort @timestamp desc | limit 20");
    }

    @Test
    void aQueryOfOnesOwnIsSentAsTyped() {
        String marker = "own" + System.nanoTime();
        plant(app.clock.instant().minus(Duration.ofMinutes(8)), List.of("a " + marker, "b " + marker, "c " + marker));
        String query = "fields @timestamp, @message | filter @message like /" + marker + "/ | sort @timestamp desc | limit 2";

        String text = shown(answer("logs shop prod since 30m -- query: " + query));

        assertThat(text).contains("The newest 2 of 3 matching lines over the last 30m with your query:", "c " + marker,
                "b " + marker).doesNotContain("a " + marker);
        assertThat(app.logsInsights.started).contains(query);
    }

    @Test
    void aQueryLogsInsightsCannotReadIsSaidSo() {
        String text = shown(answer("logs shop prod -- query: fields @message | filter @message like /[unclosed/"));

        assertThat(text).contains("Could not search the logs of *shop* in *prod*: Logs Insights could not read the query "
                + "(MalformedQueryException): check its syntax.");
    }

    @Test
    void aLogGroupThatDoesNotExistIsNamed() {
        String text = shown(answer("logs shop staging"));

        assertThat(text).contains("Could not search the logs of *shop* in *staging*: CloudWatch Logs has no log group "
                + "/ecs/shop-staging (ResourceNotFoundException): check `logs: groups:` in the team file.");
    }

    @Test
    void aBadSinceIsRefusedClearlyAndNothingIsSearched() {
        int before = app.logsInsights.started.size();

        assertThat(Mrkdwn.unescape(ack("logs shop prod since 45d"))).contains(
                "`45d` is too far back: a search covers at most the last 30d.", "Try: `/deploy logs shop prod since 1h`");
        assertThat(Mrkdwn.unescape(ack("logs shop prod since soon -- boom"))).contains(
                "`soon` is not a time span: write a number and m, h or d, like 15m, 1h or 2d.",
                "Try: `/deploy logs shop prod since 1h -- boom`");
        assertThat(Mrkdwn.unescape(ack("logs shop prod 0m"))).contains("`0m` is no time at all");
        assertThat(app.logsInsights.started).hasSize(before);
    }

    @Test
    void aServiceWithoutLogGroupsSaysWhatToAddAndAnUnknownOneGetsTheClosestName() {
        assertThat(ack("logs commons prod")).isEqualTo("*commons* has no log groups in the team config: add "
                + "`logs: { groups: [\"/ecs/commons-{env}\"] }` under `services: commons:`.");
        assertThat(Mrkdwn.unescape(ack("logs shpo prod"))).contains("Try: `/deploy logs shop prod`");
    }

    private static void plant(Instant from, List<String> messages) {
        String stream = "test-" + System.nanoTime();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            events.add(InputLogEvent.builder().timestamp(from.toEpochMilli() + i + 1).message(messages.get(i)).build());
        }
        try (CloudWatchLogsClient logs = app.logs()) {
            logs.createLogStream(r -> r.logGroupName(GROUP).logStreamName(stream));
            logs.putLogEvents(r -> r.logGroupName(GROUP).logStreamName(stream).logEvents(events));
        }
    }

    /** Sends {@code /deploy <text>} as Alice typed it; its response_url. */
    private static String send(String text) {
        String channel = app.slack.addChannel("logs-" + System.nanoTime(), ALICE);
        String responseUrl = app.slack.responseUrl();
        var reply = app.signed.slashCommand("/deploy", escaped(text), ALICE, channel, responseUrl).send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return responseUrl;
    }

    /** The search's answer, past a "still running" a busy machine may say first. */
    private static FakeSlack.Call answer(String text) {
        String responseUrl = send(text);
        return app.slack.awaitCall(FakeSlack.RESPONSE_URL, c -> responseUrl.equals(c.param(FakeSlack.RESPONSE_URL))
                && !shown(c).contains("is still running after"), Duration.ofSeconds(30));
    }

    private static String ack(String text) {
        String channel = app.slack.addChannel("logs-" + System.nanoTime(), ALICE);
        var reply = app.signed.slashCommand("/deploy", escaped(text), ALICE, channel, app.slack.responseUrl())
                .send(app.server.getURI());
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    /** What Slack sends for typed text: {@code & < >} as entities. */
    private static String escaped(String typed) {
        return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String shown(FakeSlack.Call call) {
        return Mrkdwn.unescape(call.allText());
    }
}
