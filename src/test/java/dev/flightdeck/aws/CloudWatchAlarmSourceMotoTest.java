package dev.flightdeck.aws;

import dev.flightdeck.alarms.Alarm;
import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CloudWatch alarms through the real SDK against moto_server: prefix and tag selection, states, pagination. */
class CloudWatchAlarmSourceMotoTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    static AwsClients clients;
    static CloudWatchAlarmSource source;

    @BeforeAll
    static void seed() {
        clients = MotoClients.clients(moto);
        source = new CloudWatchAlarmSource(clients);
        CloudWatchClient cw = clients.cloudWatch();
        alarm(cw, "commons-prod-5xx", Map.of("service", "commons"));
        alarm(cw, "commons-prod-latency", Map.of());
        alarm(cw, "commons-staging-5xx", Map.of());
        alarm(cw, "billing-queue-depth", Map.of("service", "billing", "team", "payments"));
        alarm(cw, "billing-ok", Map.of("service", "billing"));
        for (int i = 0; i < 120; i++) {
            alarm(cw, String.format("many-prod-%03d", i), Map.of());
        }
        setState(cw, "commons-prod-5xx", StateValue.ALARM, "Threshold Crossed: 5 datapoints were greater than 1.0");
        setState(cw, "commons-staging-5xx", StateValue.ALARM, "staging is noisy");
        setState(cw, "billing-queue-depth", StateValue.ALARM, "queue depth 5000");
        setState(cw, "billing-ok", StateValue.OK, "fine");
        setState(cw, "commons-prod-latency", StateValue.OK, "fine");
        for (int i = 0; i < 120; i += 2) {
            setState(cw, String.format("many-prod-%03d", i), StateValue.ALARM, "even");
        }
    }

    static void alarm(CloudWatchClient cw, String name, Map<String, String> tags) {
        cw.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
    }

    static void setState(CloudWatchClient cw, String name, StateValue state, String reason) {
        cw.setAlarmState(r -> r.alarmName(name).stateValue(state).stateReason(reason));
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void byPrefixOnlyTheServicesAlarmsThatAreNotOkWithReasonAndSince() {
        var alarms = source.notOk(new AlarmSelector.Prefix("commons-{env}-").forEnv("prod"));

        assertThat(alarms).extracting(Alarm::name).containsExactly("commons-prod-5xx");
        Alarm a = alarms.get(0);
        assertThat(a.state()).isEqualTo(Alarm.State.ALARM);
        assertThat(a.kind()).isEqualTo(Alarm.Kind.METRIC);
        assertThat(a.reason()).isEqualTo("Threshold Crossed: 5 datapoints were greater than 1.0");
        assertThat(a.since()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void byTagsAllTagsMustMatch() {
        assertThat(source.notOk(new AlarmSelector.Tags(Map.of("service", "billing"))))
                .extracting(Alarm::name).containsExactly("billing-queue-depth");
        assertThat(source.notOk(new AlarmSelector.Tags(Map.of("service", "billing", "team", "other")))).isEmpty();
    }

    @Test
    void everyPageIsRead() {
        // 120 alarms under the prefix, more than one page of 100; the 60 even ones fire.
        var alarms = source.notOk(new AlarmSelector.Prefix("many-prod-"));
        assertThat(alarms).hasSize(60);
        assertThat(alarms).extracting(Alarm::name).contains("many-prod-000", "many-prod-118");
    }
}
