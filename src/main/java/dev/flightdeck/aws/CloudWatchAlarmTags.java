package dev.flightdeck.aws;

import dev.flightdeck.alarms.AlarmSourceException;
import dev.flightdeck.alarms.AlarmTags;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * An alarm's tags by CloudWatch {@code ListTagsForResource} (the SDK retries throttling and 5xx with backoff). An
 * alarm deleted since its event was sent has no tags, rather than an error.
 */
@Singleton
public class CloudWatchAlarmTags implements AlarmTags {

    private final AwsClients clients;

    public CloudWatchAlarmTags(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Map<String, String> of(String alarmArn) {
        try {
            return clients.cloudWatch().listTagsForResource(r -> r.resourceARN(alarmArn)).tags().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
        } catch (ResourceNotFoundException e) {
            return Map.of();
        } catch (SdkException | AwsNotConfiguredException e) {
            throw new AlarmSourceException("CloudWatch: " + AwsErrors.describe(e), e);
        }
    }
}
