package dev.flightdeck.aws;

import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.alarms.MetricSourceException;
import dev.flightdeck.alarms.MetricSums;
import dev.flightdeck.testing.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metric sums through the real SDK's GetMetricData against moto_server: buckets, dimensions, failures. */
class CloudWatchMetricSumsMotoTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    // Near real time: CloudWatch takes data points from the last two weeks only.
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final MetricRef PROD_GOOD = new MetricRef("Sums/Test", "Good", Map.of("Environment", "prod"), "Sum");
    static final MetricRef PROD_TOTAL = new MetricRef("Sums/Test", "Total", Map.of("Environment", "prod"), "Sum");
    static final MetricRef STAGING_TOTAL = new MetricRef("Sums/Test", "Total", Map.of("Environment", "staging"), "Sum");
    static final MetricRef NEVER = new MetricRef("Sums/Test", "Never", Map.of(), "Sum");

    static CloudWatchMetricSums sums;

    @BeforeAll
    static void seed() {
        AwsClients clients = MotoClients.clients(moto);
        sums = new CloudWatchMetricSums(clients);
        CloudWatchClient cw = clients.cloudWatch();
        put(cw, "Total", "prod", NOW.minus(Duration.ofMinutes(170)), 100);
        put(cw, "Total", "prod", NOW.minus(Duration.ofMinutes(130)), 50);
        put(cw, "Good", "prod", NOW.minus(Duration.ofMinutes(130)), 49);
        put(cw, "Total", "prod", NOW.minus(Duration.ofMinutes(20)), 7);
        put(cw, "Total", "staging", NOW.minus(Duration.ofMinutes(20)), 1_000);
    }

    static void put(CloudWatchClient cw, String metric, String env, Instant at, double value) {
        cw.putMetricData(r -> r.namespace("Sums/Test").metricData(MetricDatum.builder().metricName(metric)
                .dimensions(Dimension.builder().name("Environment").value(env).build()).timestamp(at).value(value).build()));
    }

    @Test
    void sumsEachMetricPerBucketOldestFirstLeavingEmptyBucketsOut() {
        Instant from = NOW.minus(Duration.ofHours(3));
        var read = sums.sums(List.of(PROD_GOOD, PROD_TOTAL, STAGING_TOTAL, NEVER), from, NOW, Duration.ofHours(1));

        assertThat(read.get(PROD_TOTAL)).containsExactly(new MetricSums.Bucket(from, 150),
                new MetricSums.Bucket(from.plus(Duration.ofHours(2)), 7));
        assertThat(read.get(PROD_GOOD)).containsExactly(new MetricSums.Bucket(from, 49));
        assertThat(read.get(STAGING_TOTAL)).containsExactly(new MetricSums.Bucket(from.plus(Duration.ofHours(2)), 1_000));
        assertThat(read.get(NEVER)).isEmpty();
    }

    @Test
    void oneBucketForTheWholeSpan() {
        var read = sums.sums(List.of(PROD_TOTAL), NOW.minus(Duration.ofHours(1)), NOW, Duration.ofHours(1));

        assertThat(read.get(PROD_TOTAL)).extracting(MetricSums.Bucket::value).containsExactly(7.0);
    }

    @Test
    void cloudWatchUnreachableIsAMetricSourceExceptionSayingSo() {
        AwsSettings closed = new AwsSettings(moto.region().id(), "http://127.0.0.1:9", "testing", "testing",
                Duration.ofSeconds(5), Duration.ofSeconds(2), 1);
        var unreachable = new CloudWatchMetricSums(new AwsClients(closed, List.<ExecutionInterceptor>of()));

        assertThatThrownBy(() -> unreachable.sums(List.of(PROD_TOTAL), NOW.minus(Duration.ofHours(1)), NOW,
                Duration.ofHours(1)))
                .isInstanceOf(MetricSourceException.class)
                .hasMessageStartingWith("CloudWatch: AWS could not be reached");
    }
}
