package dev.flightdeck.aws.events;

import dev.flightdeck.alarms.AlarmOwners;
import dev.flightdeck.alarms.AlarmSourceException;
import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertIntake;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.config.ParseResult;
import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS's example "CloudWatch Alarm State Change" events (vendor/aws/cloudwatch-alarm-state-change.*.json) read into
 * the Alert the episodes are given. The tests replace only the alarm's name (in alarmName and the ARN) so that a
 * service's alarm selector picks it, and say so.
 */
class CloudWatchAlarmRouteTest {

    static final String TEAM = """
            flightdeck:
              environments:
                staging: { channel: "#deploys", approvals: 0 }
                prod: { channel: "#deploys", approvals: 1, approvers: [U0LEAD] }
              services:
                shop:
                  build: { jenkins: { url: "http://127.0.0.1:9", job: "shop-{env}", user: bot, token-env: JT } }
                  alarms: { prefix: "shop-{env}-" }
                  runbook: https://wiki.example.com/runbooks/shop
                billing:
                  build: { jenkins: { url: "http://127.0.0.1:9", job: "billing-{env}", user: bot, token-env: JT } }
                  alarms: { tag: { service: billing, env: "{env}" } }
                legacy:
                  build: { jenkins: { url: "http://127.0.0.1:9", job: "legacy", user: bot, token-env: JT } }
                  alarms: { prefix: "legacy-" }
            """;

    final Map<String, Map<String, String>> tagsByArn = new HashMap<>();
    final List<String> tagReads = new ArrayList<>();
    final List<Alert> received = new ArrayList<>();
    final CloudWatchAlarmRoute route = new CloudWatchAlarmRoute(new AlarmOwners(team()), arn -> {
        tagReads.add(arn);
        if (arn.contains("unreadable")) {
            throw new AlarmSourceException("CloudWatch: AccessDenied", null);
        }
        return tagsByArn.getOrDefault(arn, Map.of());
    }, alert -> {
        received.add(alert);
        return new AlertIntake.Posted(1);
    }, MutableClock.at("2026-12-07T10:00:00Z"));

    static TeamConfig team() {
        return ((ParseResult.Valid) TeamConfigParser.parseText("flightdeck.yml", TEAM)).config();
    }

    /** The example with its alarm renamed (alarmName and the ARN in resources). */
    static AwsEvent renamed(String file, String from, String to) throws AwsEvent.Malformed {
        return AwsEvent.parse(AwsVendorEvents.text(file).replace("alarm:" + from + "\"", "alarm:" + to + "\"")
                .replace("\"alarmName\": \"" + from + "\"", "\"alarmName\": \"" + to + "\""));
    }

    Alert accepted(AwsEvent event) {
        AwsEventRoute.Plan plan = route.plan(event);
        assertThat(plan.kind()).as(plan.text()).isEqualTo(AwsEventRoute.Plan.Kind.ACCEPTED);
        plan.work().run();
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    @Test
    void aSingleMetricAlarmIsTheServicesAlertWithItsMetricThresholdGraphAndLinks() throws Exception {
        Alert alert = accepted(renamed("cloudwatch-alarm-state-change.single-metric.json", "ServerCpuTooHigh",
                "shop-prod-cpu"));

        assertThat(alert).isEqualTo(new Alert("cloudwatch",
                "arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-prod-cpu", "shop-prod-cpu", "shop", "prod",
                AlertState.ALARM, "Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 "
                + "16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).",
                Optional.of("AWS/EC2 CPUUtilization (InstanceId=i-12345678901234567) Average per 5 minutes"),
                Optional.of("> 50.0"), Instant.parse("2019-10-02T17:04:40.989Z"),
                Optional.of(URI.create("https://wiki.example.com/runbooks/shop")),
                Optional.of(URI.create("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                        + "#alarmsV2:alarm/shop-prod-cpu")),
                Optional.of(new MetricRef("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-12345678901234567"),
                        "Average")), "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92"));
    }

    @Test
    void theAlarmsOwnRunbookTagComesBeforeTheServicesRunbook() throws Exception {
        tagsByArn.put("arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-prod-cpu",
                Map.of("runbook", "https://wiki.example.com/runbooks/shop-cpu"));

        Alert alert = accepted(renamed("cloudwatch-alarm-state-change.single-metric.json", "ServerCpuTooHigh",
                "shop-prod-cpu"));

        assertThat(alert.runbook()).contains(URI.create("https://wiki.example.com/runbooks/shop-cpu"));
    }

    @Test
    void aRunbookTagThatIsNotAWebLinkOrCannotBeReadLeavesTheServicesRunbook() throws Exception {
        tagsByArn.put("arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-prod-cpu",
                Map.of("runbook", "javascript:alert(1)"));
        Alert tagged = accepted(renamed("cloudwatch-alarm-state-change.single-metric.json", "ServerCpuTooHigh",
                "shop-prod-cpu"));
        received.clear();
        Alert unreadable = accepted(renamed("cloudwatch-alarm-state-change.single-metric.json", "ServerCpuTooHigh",
                "shop-prod-unreadable"));

        assertThat(tagged.runbook()).contains(URI.create("https://wiki.example.com/runbooks/shop"));
        assertThat(unreadable.runbook()).contains(URI.create("https://wiki.example.com/runbooks/shop"));
    }

    @Test
    void aMetricMathAlarmShowsItsExpressionAndHasNoGraph() throws Exception {
        Alert alert = accepted(renamed("cloudwatch-alarm-state-change.metric-math.json", "TotalNetworkTrafficTooHigh",
                "shop-staging-network"));

        assertThat(alert.environment()).isEqualTo("staging");
        assertThat(alert.metric()).contains("Total Network Traffic = SUM(METRICS())");
        assertThat(alert.threshold()).contains("> 10000.0");
        assertThat(alert.graph()).isEmpty();
        assertThat(alert.at()).isEqualTo(Instant.parse("2019-10-02T17:20:48.554Z"));
    }

    @Test
    void aCompositeAlarmIsMatchedByItsTagsAndShowsItsRule() throws Exception {
        String arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregatedAlarm";
        tagsByArn.put(arn, Map.of("service", "billing", "env", "prod"));

        Alert alert = accepted(AwsEvent.parse(AwsVendorEvents.text("cloudwatch-alarm-state-change.composite.json")));

        assertThat(alert.service()).isEqualTo("billing");
        assertThat(alert.environment()).isEqualTo("prod");
        assertThat(alert.key()).isEqualTo(arn);
        assertThat(alert.metric()).contains("composite of ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)");
        assertThat(alert.threshold()).isEmpty();
        assertThat(alert.graph()).isEmpty();
        assertThat(alert.reason()).startsWith("arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo");
        assertThat(tagReads).containsOnly(arn);
    }

    @Test
    void anAlarmOfNoServiceIsIgnoredSayingSo() throws Exception {
        AwsEventRoute.Plan plan = route.plan(AwsEvent.parse(
                AwsVendorEvents.text("cloudwatch-alarm-state-change.single-metric.json")));

        assertThat(plan.kind()).isEqualTo(AwsEventRoute.Plan.Kind.IGNORED);
        assertThat(plan.text()).isEqualTo("alarm ServerCpuTooHigh belongs to no service (no alarm selector picks it)");
        assertThat(received).isEmpty();
    }

    @Test
    void aSelectorWithoutEnvTakesTheEnvironmentTheAlarmNamesElseSaysItCannotTell() throws Exception {
        Alert named = accepted(renamed("cloudwatch-alarm-state-change.single-metric.json", "ServerCpuTooHigh",
                "legacy-prod-cpu"));
        AwsEventRoute.Plan unnamed = route.plan(renamed("cloudwatch-alarm-state-change.single-metric.json",
                "ServerCpuTooHigh", "legacy-cpu"));

        assertThat(named.service()).isEqualTo("legacy");
        assertThat(named.environment()).isEqualTo("prod");
        assertThat(unnamed.kind()).isEqualTo(AwsEventRoute.Plan.Kind.IGNORED);
        assertThat(unnamed.text()).contains("several services or environments (legacy in staging, legacy in prod)");
    }

    @Test
    void anOkAndANoDataEventAreAlertsInThoseStates() throws Exception {
        String ok = AwsVendorEvents.text("cloudwatch-alarm-state-change.single-metric.json")
                .replace("ServerCpuTooHigh", "shop-prod-cpu")
                .replace("\"value\": \"ALARM\"", "\"value\": \"INSUFFICIENT_DATA\"");

        assertThat(accepted(AwsEvent.parse(ok)).state()).isEqualTo(AlertState.INSUFFICIENT_DATA);
    }

    @Test
    void anEventWithoutAnAlarmNameOrAKnownStateIsRefusedSayingWhy() throws Exception {
        String noName = AwsVendorEvents.text("cloudwatch-alarm-state-change.single-metric.json")
                .replace("\"alarmName\": \"ServerCpuTooHigh\",", "");
        String badState = AwsVendorEvents.text("cloudwatch-alarm-state-change.single-metric.json")
                .replace("\"value\": \"ALARM\"", "\"value\": \"PANIC\"");

        assertThat(route.plan(AwsEvent.parse(noName)))
                .isEqualTo(AwsEventRoute.Plan.invalid("a CloudWatch Alarm State Change without detail.alarmName"));
        assertThat(route.plan(AwsEvent.parse(badState)).text())
                .isEqualTo("detail.state.value is not OK, ALARM or INSUFFICIENT_DATA");
        assertThat(received).isEmpty();
    }

    @Test
    void theConsoleLinkEncodesTheAlarmName() {
        assertThat(CloudWatchAlarmRoute.console("eu-west-1", "EC2 CPU Utilization Anomaly").toString())
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
                        + "#alarmsV2:alarm/EC2%20CPU%20Utilization%20Anomaly");
    }
}
