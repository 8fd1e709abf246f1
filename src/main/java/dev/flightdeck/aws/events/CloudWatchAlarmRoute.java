package dev.flightdeck.aws.events;

import dev.flightdeck.alarms.AlarmOwners;
import dev.flightdeck.alarms.AlarmSourceException;
import dev.flightdeck.alarms.AlarmTags;
import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertIntake;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CloudWatch's own "CloudWatch Alarm State Change" events, metric, metric-math and composite alarms alike: the alarm
 * is matched to a service and environment by the services' alarm selectors ({@link AlarmOwners}), made an
 * {@link Alert} (metric and threshold as people read them, the graph's metric when it watches one, the alarm's
 * {@code runbook} tag else the service's runbook, the alarm in the CloudWatch console) and handed to the
 * {@link AlertIntake}. An alarm of no service is answered 202 saying so.
 */
@Singleton
@Requires(beans = AlertIntake.class)
public class CloudWatchAlarmRoute implements AwsEventRoute {

    public static final String DETAIL_TYPE = "CloudWatch Alarm State Change";
    public static final String SOURCE = "aws.cloudwatch";
    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchAlarmRoute.class);

    private final AlarmOwners owners;
    private final AlarmTags tags;
    private final AlertIntake intake;
    private final Clock clock;

    public CloudWatchAlarmRoute(AlarmOwners owners, AlarmTags tags, AlertIntake intake, Clock clock) {
        this.owners = owners;
        this.tags = tags;
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Plan plan(AwsEvent event) {
        CloudWatchAlarmEvent alarm;
        try {
            alarm = CloudWatchAlarmEvent.parse(event);
        } catch (CloudWatchAlarmEvent.Unreadable e) {
            return Plan.invalid(e.getMessage());
        }
        Supplier<Map<String, String>> tagsOnce = memo(() -> tags.of(alarm.arn()));
        AlarmOwners.Owner owner = owners.of(alarm.name(), tagsOnce);
        if (owner instanceof AlarmOwners.Owner.None none) {
            return Plan.ignored(none.why());
        }
        AlarmOwners.Owner.Found found = (AlarmOwners.Owner.Found) owner;
        Alert alert = new Alert("cloudwatch", alarm.arn(), alarm.name(), found.service().name(), found.environment(),
                alarm.state(), alarm.reason(), alarm.metric(), alarm.threshold(), alarm.at().orElseGet(clock::instant),
                runbook(tagsOnce).or(() -> found.service().runbook()), Optional.of(console(event.region(), alarm.name())),
                alarm.graph(), event.id());
        return Plan.accepted(alarm.name(), () -> intake.receive(alert));
    }

    /** The alarm's {@code runbook} tag when it is a web link; a tag that cannot be read leaves the service's. */
    private static Optional<URI> runbook(Supplier<Map<String, String>> tags) {
        try {
            return Optional.ofNullable(tags.get().get(AlarmTags.RUNBOOK)).map(String::strip)
                    .filter(t -> t.startsWith("https://") || t.startsWith("http://")).flatMap(t -> {
                        try {
                            return Optional.of(URI.create(t));
                        } catch (IllegalArgumentException e) {
                            return Optional.empty();
                        }
                    });
        } catch (AlarmSourceException e) {
            LOG.warn("Could not read the alarm's tags for its runbook: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The alarm's page in the CloudWatch console. */
    static URI console(String region, String alarmName) {
        String r = region.isBlank() ? "us-east-1" : region;
        return URI.create("https://" + r + ".console.aws.amazon.com/cloudwatch/home?region=" + r + "#alarmsV2:alarm/"
                + URLEncoder.encode(alarmName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
