package dev.flightdeck.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.testing.FakeCloudWatchWidgets;
import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarm graph adapter through the real SDK client against a fake of CloudWatch's GetMetricWidgetImage (moto lacks
 * it): what the widget JSON asks for, the picture that comes back, and no picture (one log line) when CloudWatch fails.
 */
class CloudWatchAlarmGraphsTest {

    static final FakeCloudWatchWidgets cloudWatch = new FakeCloudWatchWidgets();
    static final MetricRef FIVE_XX = new MetricRef("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
            dims("LoadBalancer", "app/shop-prod/50dc6c495c0c9188", "TargetGroup", "targetgroup/shop/6d0ecf831eec9f09"), "Sum");

    CloudWatchAlarmGraphs graphs;

    @BeforeAll
    static void start() {
        cloudWatch.start();
    }

    @AfterAll
    static void stop() {
        cloudWatch.close();
    }

    @AfterEach
    void closeAndReset() {
        if (graphs != null) {
            graphs.close();
        }
        cloudWatch.reset();
    }

    /** As production builds it, with moto's settings style: only this one call goes to the fake endpoint. */
    CloudWatchAlarmGraphs graphs(String endpoint) {
        AwsSettings settings = new AwsSettings("eu-west-1", "http://127.0.0.1:9", "testing", "testing",
                Duration.ofSeconds(20), Duration.ofSeconds(5), 4);
        graphs = new CloudWatchAlarmGraphs(new AwsClients(settings, List.of()), endpoint, Duration.ofSeconds(10), 2);
        return graphs;
    }

    @Test
    void asksForTheMetricWithItsDimensionsAndStatOverTheLastThreeHoursWithTheThresholdDrawn() throws IOException {
        Optional<byte[]> png = graphs(cloudWatch.endpoint().toString()).last3Hours(FIVE_XX, "shop-prod-5xx", Optional.of(5.0));

        assertThat(png).isPresent();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.get()));
        assertThat(picture.getWidth()).isEqualTo(600);
        assertThat(picture.getHeight()).isEqualTo(300);

        assertThat(cloudWatch.requests()).hasSize(1);
        FakeCloudWatchWidgets.Request request = cloudWatch.requests().get(0);
        assertThat(request.action()).isEqualTo("GetMetricWidgetImage");
        assertThat(request.outputFormat()).isEqualTo("png");
        assertThat(request.authorization()).contains("/eu-west-1/monitoring/aws4_request");
        JsonObject widget = request.widget();
        JsonArray metric = request.firstMetric();
        assertThat(widget.getAsJsonArray("metrics")).hasSize(1);
        assertThat(List.of(metric.get(0).getAsString(), metric.get(1).getAsString(), metric.get(2).getAsString(),
                metric.get(3).getAsString(), metric.get(4).getAsString(), metric.get(5).getAsString()))
                .containsExactly("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                        "LoadBalancer", "app/shop-prod/50dc6c495c0c9188", "TargetGroup", "targetgroup/shop/6d0ecf831eec9f09");
        assertThat(metric.get(6).getAsJsonObject().get("stat").getAsString()).isEqualTo("Sum");
        assertThat(metric.get(6).getAsJsonObject().get("period").getAsInt()).isEqualTo(60);
        assertThat(widget.get("start").getAsString()).isEqualTo("-PT3H");
        assertThat(widget.has("end")).as("ends now").isFalse();
        assertThat(widget.get("title").getAsString()).isEqualTo("shop-prod-5xx");
        JsonArray horizontal = widget.getAsJsonObject("annotations").getAsJsonArray("horizontal");
        assertThat(horizontal).hasSize(1);
        assertThat(horizontal.get(0).getAsJsonObject().get("value").getAsDouble()).isEqualTo(5.0);
    }

    @Test
    void anAlarmWithoutAThresholdHasNoLineAndAnotherStatIsAskedAsIs() {
        MetricRef latency = new MetricRef("Shop/Api", "Latency", dims("Environment", "prod"), "p99");

        assertThat(graphs(cloudWatch.endpoint().toString()).last3Hours(latency, "shop-prod-latency", Optional.empty()))
                .isPresent();

        JsonObject widget = cloudWatch.requests().get(0).widget();
        assertThat(widget.has("annotations")).isFalse();
        assertThat(cloudWatch.requests().get(0).firstMetric().get(4).getAsJsonObject().get("stat").getAsString())
                .isEqualTo("p99");
    }

    @Test
    void aThrottledCallIsTriedOnceMoreAndThenGivesAPicture() {
        cloudWatch.throttleNext(1);

        assertThat(graphs(cloudWatch.endpoint().toString()).last3Hours(FIVE_XX, "shop-prod-5xx", Optional.of(5.0)))
                .isPresent();
        assertThat(cloudWatch.requests()).extracting(FakeCloudWatchWidgets.Request::status).containsExactly(400, 200);
    }

    @Test
    void throttledPastTheRetryMeansNoPictureAndOneLogLineNamingTheCodeOnly() {
        cloudWatch.throttleNext(5);
        try (LogCapture log = new LogCapture(CloudWatchAlarmGraphs.class)) {
            assertThat(graphs(cloudWatch.endpoint().toString()).last3Hours(FIVE_XX, "shop-prod-5xx", Optional.of(5.0)))
                    .isEmpty();

            assertThat(cloudWatch.requests()).as("one try and one retry").hasSize(2);
            assertThat(log.lines()).hasSize(1);
            assertThat(log.lines().get(0)).startsWith("WARN No alarm graph: CloudWatch GetMetricWidgetImage:")
                    .contains("Throttling").doesNotContain("refused by the fake");
        }
    }

    @Test
    void anEndpointThatIsGoneOrFailingGivesNoPicture() {
        cloudWatch.down(true);
        assertThat(graphs(cloudWatch.endpoint().toString()).last3Hours(FIVE_XX, "shop-prod-5xx", Optional.of(5.0)))
                .isEmpty();

        cloudWatch.reset();
        cloudWatch.failNext(2, 500, "InternalFailure");
        assertThat(graphs.last3Hours(FIVE_XX, "shop-prod-5xx", Optional.of(5.0))).isEmpty();
        assertThat(cloudWatch.requests()).extracting(FakeCloudWatchWidgets.Request::errorCode)
                .containsExactly("InternalFailure", "InternalFailure");
    }

    @Test
    void withoutItsOwnEndpointTheCallGoesWhereEveryCloudWatchCallGoes() {
        // aws.endpoint-url is a closed loopback port here: no picture, nothing sent to the widget fake.
        assertThat(graphs("").last3Hours(FIVE_XX, "shop-prod-5xx", Optional.of(5.0))).isEmpty();
        assertThat(cloudWatch.requests()).isEmpty();
    }

    @Test
    void aThresholdThatIsNotANumberIsLeftOutRatherThanBreakingThePicture() {
        assertThat(graphs(cloudWatch.endpoint().toString()).last3Hours(FIVE_XX, "shop-prod-5xx", Optional.of(Double.NaN)))
                .isPresent();
        assertThat(cloudWatch.requests().get(0).widget().has("annotations")).isFalse();
    }

    @Test
    void theFakeRefusesAWidgetCloudWatchWouldRefuse() {
        // The strictness the tests above rely on: a metric line with a dimension name and no value is refused.
        MetricRef broken = new MetricRef("Shop/Api", "Latency", dims("Environment", ""), "Sum");

        assertThat(graphs(cloudWatch.endpoint().toString()).last3Hours(broken, "shop-prod-latency", Optional.empty()))
                .isEmpty();
        assertThat(cloudWatch.requests()).extracting(FakeCloudWatchWidgets.Request::errorCode)
                .containsExactly("InvalidParameterValue");
    }

    static Map<String, String> dims(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
