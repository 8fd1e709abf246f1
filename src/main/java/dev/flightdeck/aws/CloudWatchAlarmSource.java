package dev.flightdeck.aws;

import dev.flightdeck.alarms.Alarm;
import dev.flightdeck.alarms.AlarmSource;
import dev.flightdeck.alarms.AlarmSourceException;
import dev.flightdeck.alarms.AlarmSelector;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CloudWatch alarms, metric and composite, every page. By prefix: DescribeAlarms filters by name. By tags:
 * DescribeAlarms can't filter on tags, so the not-OK alarms are listed and only those have their tags read.
 */
@Singleton
public class CloudWatchAlarmSource implements AlarmSource {

    private final AwsClients clients;

    public CloudWatchAlarmSource(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Alarm> notOk(AlarmSelector selector) {
        try {
            DescribeAlarmsRequest.Builder request = DescribeAlarmsRequest.builder().maxRecords(100)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM);
            if (selector instanceof AlarmSelector.Prefix p) {
                request.alarmNamePrefix(p.prefix());
            }
            List<Candidate> candidates = new ArrayList<>();
            clients.cloudWatch().describeAlarmsPaginator(request.build()).forEach(page -> {
                for (MetricAlarm m : page.metricAlarms()) {
                    candidates.add(new Candidate(m.alarmArn(), new Alarm(m.alarmName(), Alarm.Kind.METRIC,
                            state(m.stateValue()), m.stateReason(), m.stateUpdatedTimestamp())));
                }
                for (CompositeAlarm c : page.compositeAlarms()) {
                    candidates.add(new Candidate(c.alarmArn(), new Alarm(c.alarmName(), Alarm.Kind.COMPOSITE,
                            state(c.stateValue()), c.stateReason(), c.stateUpdatedTimestamp())));
                }
            });
            List<Alarm> out = new ArrayList<>();
            for (Candidate c : candidates) {
                if (c.alarm().state() != Alarm.State.OK && matchesTags(selector, c.arn())) {
                    out.add(c.alarm());
                }
            }
            return out;
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new AlarmSourceException("CloudWatch: " + AwsErrors.describe(e), e);
        }
    }

    private record Candidate(String arn, Alarm alarm) {
    }

    private boolean matchesTags(AlarmSelector selector, String arn) {
        if (!(selector instanceof AlarmSelector.Tags wanted)) {
            return true;
        }
        Map<String, String> tags = clients.cloudWatch().listTagsForResource(r -> r.resourceARN(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
        return wanted.tags().entrySet().stream().allMatch(t -> t.getValue().equals(tags.get(t.getKey())));
    }

    private static Alarm.State state(StateValue value) {
        if (value == StateValue.ALARM) {
            return Alarm.State.ALARM;
        }
        if (value == StateValue.OK) {
            return Alarm.State.OK;
        }
        return Alarm.State.INSUFFICIENT_DATA;
    }
}
