package dev.flightdeck.aws;

import dev.flightdeck.alarms.AlarmSourceException;
import dev.flightdeck.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An alarm's tags through the real SDK against moto_server (ListTagsForResource), as the alarm event route reads them. */
class CloudWatchAlarmTagsMotoTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    static AwsClients clients;
    static CloudWatchAlarmTags tags;
    static String arn;

    @BeforeAll
    static void seed() {
        clients = MotoClients.clients(moto);
        tags = new CloudWatchAlarmTags(clients);
        CloudWatchClient cw = clients.cloudWatch();
        CloudWatchAlarmSourceMotoTest.alarm(cw, "shop-prod-5xx",
                Map.of("runbook", "https://wiki.example.com/runbooks/shop-5xx", "service", "shop"));
        arn = cw.describeAlarms(r -> r.alarmNames("shop-prod-5xx")).metricAlarms().get(0).alarmArn();
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void theTagsOfAnAlarmByItsArn() {
        assertThat(tags.of(arn)).isEqualTo(Map.of("runbook", "https://wiki.example.com/runbooks/shop-5xx",
                "service", "shop"));
    }

    @Test
    void anAlarmThatIsNotThereHasNoTags() {
        assertThat(tags.of(arn.replace("shop-prod-5xx", "shop-prod-deleted"))).isEmpty();
    }

    @Test
    void cloudWatchOutOfReachIsAnErrorSafeToShow() {
        // A closed loopback port: connection refused, retried by the SDK, then an error the route can show.
        AwsClients nowhere = new AwsClients(new AwsSettings(moto.region().id(), "http://127.0.0.1:9", "testing",
                "testing", java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1), 1),
                java.util.List.of());
        try {
            assertThatThrownBy(() -> new CloudWatchAlarmTags(nowhere).of(arn))
                    .isInstanceOf(AlarmSourceException.class).hasMessageStartingWith("CloudWatch: ");
        } finally {
            nowhere.close();
        }
    }
}
