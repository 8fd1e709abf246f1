package dev.flightdeck.alarms;

import dev.flightdeck.slack.deploy.DeployDriver;
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

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SLO whose good is metric math, through the real edges: service cart's {@code good: total - errors} over
 * Cart/Requests Total and Errors (Environment=prod) put into moto's CloudWatch (which can't evaluate metric math in
 * GetMetricData: Flightdeck does, per bucket), a signed {@code /deploy slo cart prod}, the answer in FakeSlack.
 *
 * <p>Like {@link SloEndToEndTest}, it reads its own stretch of time on the shared clock, set back after.
 */
class SloMetricMathEndToEndTest {

    static final Instant REAL_NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    final AlertsApp app = AlertsApp.shared();
    final DeployDriver d = new DeployDriver(app.slack, app.server);
    final AwsCallCounter aws = app.bean(AwsCallCounter.class);
    Instant before;
    Instant now;

    @BeforeEach
    void remember() {
        before = app.clock.instant();
        // SloEndToEndTest uses 40, 80 and 120 days back; Cart/Requests is this test's own anyway.
        now = REAL_NOW.minus(Duration.ofDays(400));
        app.clock.set(now);
    }

    @AfterEach
    void restore() {
        d.finishInFlight();
        app.clock.set(before);
    }

    /** One Cart/Requests metric's count, at {@code ago} before this test's now. */
    void plant(String metric, Duration ago, double value) {
        try (CloudWatchClient cw = CloudWatchClient.builder().region(app.moto.region())
                .endpointOverride(app.moto.endpoint()).credentialsProvider(app.moto.credentials())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Dimension prod = Dimension.builder().name("Environment").value("prod").build();
            cw.putMetricData(r -> r.namespace("Cart/Requests").metricData(MetricDatum.builder().metricName(metric)
                    .dimensions(prod).timestamp(now.minus(ago)).value(value).build()));
        }
    }

    @Test
    void goodAsTotalMinusErrorsIsComputedPerBucketWithAMissingMetricAsZero() {
        // 1,000,000 requests, 600 errors; 100 of them in a day without requests counted (Total there is 0, not absent).
        plant("Total", Duration.ofDays(10), 990_000);
        plant("Errors", Duration.ofDays(10), 480);
        plant("Errors", Duration.ofDays(2), 100);
        plant("Total", Duration.ofMinutes(30), 10_000);
        plant("Errors", Duration.ofMinutes(30), 20);
        int calls = aws.count("CloudWatch.GetMetricData");

        String channel = app.slack.channel("deploy-commands").orElseThrow().id();
        String responseUrl = app.slack.responseUrl();
        SignedRequest.Reply reply = d.signed().slashCommand("/deploy", "slo cart prod", REQUESTER, channel, responseUrl)
                .send(d.uri());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getAsJsonObject().get("text").getAsString())
                .isEqualTo("Reading the error budgets of cart in prod…");
        FakeSlack.Call answer = app.slack.awaitResponse(responseUrl, DeployDriver.WAIT);

        // at 99.9 % 1,000 of the 1,000,000 may fail; total - errors leaves 999,400 good: 600 failed, 40 % left.
        assertThat(Mrkdwn.unescape(answer.allText()))
                .contains(":large_green_circle: *cart* in PROD · objective 99.9% over 28d")
                .contains("Budget *40%* left (≈ 16 min of full outage) · 600 failed of 1,000 allowed in 1,000,000 events")
                // the last hour and six hours: 20 of 10,000 failed, twice the allowed 0.1 %.
                .contains("Burn rate 2.0× over 1 h · 2.0× over 6 h")
                .doesNotContain("*shop*");
        // Total and Errors in one GetMetricData per span: the window, the last hour, the last six hours.
        assertThat(aws.count("CloudWatch.GetMetricData")).isEqualTo(calls + 3);
    }
}
