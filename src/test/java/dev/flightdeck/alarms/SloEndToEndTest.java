package dev.flightdeck.alarms;

import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.testing.AwsCallCounter;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error budgets through the real edges: Shop/Requests Good/Total (Environment=prod) put into moto's CloudWatch,
 * signed {@code /deploy slo} and {@code /deploy shop <version> to prod} requests, the go/no-go message in FakeSlack.
 *
 * <p>The shop's metric is one for all these tests, so each test reads its own stretch of time: the shared clock is
 * set to an instant {@value #EPOCH_DAYS} days apart from the others' (more than the 28-day window, so no test sees
 * another's data points) and set back after. Moto keeps data points of any age.
 */
class SloEndToEndTest {

    static final int EPOCH_DAYS = 40;
    static final Instant REAL_NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    final AlertsApp app = AlertsApp.shared();
    final DeployDriver d = new DeployDriver(app.slack, app.server);
    final AwsCallCounter aws = app.bean(AwsCallCounter.class);
    Instant before;
    Instant now;

    @BeforeEach
    void remember() {
        before = app.clock.instant();
    }

    @AfterEach
    void restore() {
        d.finishInFlight();
        app.clock.set(before);
    }

    /** The clock at this test's own stretch of time, well before any other test's window. */
    Instant epoch(int n) {
        now = REAL_NOW.minus(Duration.ofDays((long) EPOCH_DAYS * n));
        app.clock.set(now);
        return now;
    }

    /** {@code total} requests of which {@code bad} failed, at {@code ago} before this test's now. */
    void plant(Duration ago, double total, double bad) {
        try (CloudWatchClient cw = CloudWatchClient.builder().region(app.moto.region())
                .endpointOverride(app.moto.endpoint()).credentialsProvider(app.moto.credentials())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Dimension prod = Dimension.builder().name("Environment").value("prod").build();
            Instant at = now.minus(ago);
            cw.putMetricData(r -> r.namespace("Shop/Requests").metricData(
                    MetricDatum.builder().metricName("Total").dimensions(prod).timestamp(at).value(total).build(),
                    MetricDatum.builder().metricName("Good").dimensions(prod).timestamp(at).value(total - bad).build()));
        }
    }

    /** {@code /deploy <text>}: the ack, then the answer posted to the response URL, unescaped. */
    String[] deploy(String text) {
        String channel = app.slack.channel("deploy-commands").orElseThrow().id();
        String responseUrl = app.slack.responseUrl();
        SignedRequest.Reply reply = d.signed().slashCommand("/deploy", text, REQUESTER, channel, responseUrl).send(d.uri());
        assertThat(reply.status()).isEqualTo(200);
        String ack = reply.json().getAsJsonObject().get("text").getAsString();
        FakeSlack.Call answer = app.slack.awaitResponse(responseUrl, DeployDriver.WAIT);
        return new String[] {ack, Mrkdwn.unescape(answer.allText())};
    }

    @Test
    void aHealthyBudgetShowsItsFiguresAndPassesTheGate() {
        epoch(1);
        // 1,000,000 requests in the window, 600 failed; at 99.9 % 1,000 may fail: 40 % of the budget is left.
        plant(Duration.ofDays(10).minusHours(1), 480_000, 100);
        plant(Duration.ofDays(3).minusHours(1), 500_000, 440);
        plant(Duration.ofHours(3), 10_000, 10);
        plant(Duration.ofMinutes(30), 10_000, 50);

        String[] slo = deploy("slo shop");

        assertThat(slo[0]).isEqualTo("Reading the error budgets of shop…");
        assertThat(slo[1]).contains("Error budgets of shop", "no budget spent")
                .contains(":large_green_circle: *shop* in PROD · objective 99.9% over 28d")
                .contains("Budget *40%* left (≈ 16 min of full outage) · 600 failed of 1,000 allowed in 1,000,000 events")
                // the last hour: 50 of 10,000 failed, 5 times the allowed 0.1 %; six hours: 60 of 20,000.
                .contains("Burn rate 5.0× over 1 h · 3.0× over 6 h")
                // a day a bar: whole for 18 days, 90 % after the first 100 failures, 46 % then 40 %.
                .contains("`" + "█".repeat(18) + "▇".repeat(7) + "▄".repeat(3) + "` budget left, 28d ago → now")
                .doesNotContain("STAGING");

        var p = d.request("shop", DeployDriver.newVersion(), "prod", REQUESTER, "");
        assertThat(d.slack.awaitResponse(p.responseUrl(), DeployDriver.WAIT).rawBody()).doesNotContain("*slo*");
        assertThat(Mrkdwn.unescape(d.message(p).allText()))
                .contains("error budget of shop in prod: 40% left (objective 99.9% over 28d); burn rate 5.0× over 1 h, "
                        + "3.0× over 6 h");
    }

    @Test
    void aSpentBudgetBlocksAProdDeployNamingTheBudgetAndTheBurnRateUntilAnApproverOverrides() {
        epoch(2);
        // 1,500 of 1,000,000 failed: 150 % of the budget used; the last 20 minutes fail 2 % of requests.
        plant(Duration.ofDays(5), 990_000, 1_300);
        plant(Duration.ofMinutes(20), 10_000, 200);

        var p = d.request("shop", DeployDriver.newVersion(), "prod", REQUESTER, "");
        assertThat(d.slack.awaitResponse(p.responseUrl(), DeployDriver.WAIT).rawBody()).contains("blocked by *slo*");
        assertThat(Mrkdwn.unescape(d.message(p).allText())).contains("the error budget of shop in prod is spent: 150% "
                + "of it used (1,500 failed of 1,000 allowed, objective 99.9% over 28d); burn rate 20.0× over 1 h, "
                + "20.0× over 6 h");

        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitEphemeral(RM1, "is blocked by *slo*");
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);

        d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, RM2);
        d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_OVERRIDE_MODAL)
                && c.param("view").contains(String.valueOf(p.id())), DeployDriver.WAIT);
        d.signed().viewSubmission(DeploySlackIds.DEPLOY_OVERRIDE_MODAL, p.id() + ":" + p.channel(),
                Map.of(DeploySlackIds.DEPLOY_REASON, Map.of(DeploySlackIds.DEPLOY_REASON,
                        "the fix for the failing checkout is this deploy")), RM2).send(d.uri());
        d.awaitThreadReply(p, "<@" + RM2 + "> overrode *slo*");
        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        assertThat(awaitLeft(p.id(), DeployState.REQUESTED).state()).isNotEqualTo(DeployState.REQUESTED);

        String[] slo = deploy("slo shop prod");
        assertThat(slo[1]).contains("1 budget spent", ":red_circle: *shop* in PROD · objective 99.9% over 28d")
                .contains("Budget *spent*: 150% of it used, 20 min of full outage over · 1,500 failed of 1,000 allowed")
                .contains("Burn rate 20.0× over 1 h · 20.0× over 6 h");
    }

    @Test
    void noDataSaysSoAndReadsAreKeptAMinute() {
        epoch(3);
        int calls = aws.count("CloudWatch.GetMetricData");

        String[] first = deploy("slo");

        assertThat(first[0]).isEqualTo("Reading the error budgets of all services…");
        assertThat(first[1]).contains("Error budgets of all services")
                .contains(":white_circle: *shop* in PROD · objective 99.9% over 28d")
                .contains("no data: `Shop/Requests Total (Environment=prod)` has no data points in the last 28d, so "
                        + "there is no budget to show (not a spent one)")
                .contains(":white_circle: *cart* in PROD · objective 99.9% over 28d")
                .doesNotContain("spent:", "STAGING");
        // the window, the last hour and the last six hours: one read each, for shop and for cart.
        assertThat(aws.count("CloudWatch.GetMetricData")).isEqualTo(calls + 6);

        app.clock.advance(Duration.ofSeconds(59));
        deploy("slo shop");
        assertThat(aws.count("CloudWatch.GetMetricData")).isEqualTo(calls + 6);

        app.clock.advance(Duration.ofSeconds(2));
        deploy("slo shop");
        assertThat(aws.count("CloudWatch.GetMetricData")).isEqualTo(calls + 9);
    }

    @Test
    void aServiceWithoutAnSloIsRefusedSayingWhatToAddAndAnUnknownOneIsNamed() {
        String channel = app.slack.channel("deploy-commands").orElseThrow().id();
        SignedRequest.Reply web = d.signed().slashCommand("/deploy", "slo web", REQUESTER, channel,
                app.slack.responseUrl()).send(d.uri());
        assertThat(web.json().getAsJsonObject().get("text").getAsString())
                .startsWith("*web* has no SLO in the team config: add `slo:");

        SignedRequest.Reply unknown = d.signed().slashCommand("/deploy", "slo shopp", REQUESTER, channel,
                app.slack.responseUrl()).send(d.uri());
        assertThat(unknown.json().toString()).contains("shopp", "shop");
    }

    private DeployRequest awaitLeft(long id, DeployState state) {
        long deadline = System.nanoTime() + DeployDriver.WAIT.toNanos();
        while (true) {
            DeployRequest r = d.repository().find(id).orElseThrow();
            if (r.state() != state || System.nanoTime() > deadline) {
                return r;
            }
            try {
                Thread.sleep(20); // polling the repository, not waiting for time to pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
