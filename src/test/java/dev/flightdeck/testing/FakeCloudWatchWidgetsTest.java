package dev.flightdeck.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake GetMetricWidgetImage through the real SDK client: it answers what the SDK parses and refuses what AWS refuses. */
class FakeCloudWatchWidgetsTest {

    static final FakeCloudWatchWidgets fake = new FakeCloudWatchWidgets().start();
    static final CloudWatchClient cloudWatch = CloudWatchClient.builder().region(Region.EU_WEST_1)
            .endpointOverride(fake.endpoint()).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();

    @AfterEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    static void stop() {
        cloudWatch.close();
        fake.close();
    }

    static String widget(String period, String stat) {
        return "{\"metrics\":[[\"AWS/EC2\",\"CPUUtilization\",\"InstanceId\",\"i-01234567\",{\"stat\":\"" + stat + "\"}]],"
                + "\"period\":" + period + ",\"start\":\"-P1D\",\"end\":\"P0D\",\"width\":640,\"height\":320,"
                + "\"annotations\":{\"horizontal\":[{\"label\":\"Trouble threshold start\",\"value\":0.5}]}}";
    }

    byte[] draw(String widget) {
        return cloudWatch.getMetricWidgetImage(r -> r.metricWidget(widget).outputFormat("png")).metricWidgetImage().asByteArray();
    }

    @Test
    void aGoodWidgetGetsAPngOfItsSizeThroughTheSdksOwnParsing() throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(draw(widget("300", "p99.9"))));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(320);
        assertThat(fake.requests().get(0).authorization()).startsWith("AWS4-HMAC-SHA256 Credential=testing/")
                .contains("/eu-west-1/monitoring/aws4_request");
    }

    @Test
    void aPeriodOrStatisticCloudWatchDoesNotKnowIsInvalidParameterValue() {
        assertThatThrownBy(() -> draw(widget("45", "Average"))).isInstanceOfSatisfying(CloudWatchException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> draw(widget("60", "Mean"))).isInstanceOf(CloudWatchException.class);
        assertThatThrownBy(() -> draw("{\"metrics\":[]}")).isInstanceOf(CloudWatchException.class);
        assertThat(draw(widget("60", "Sum"))).isNotEmpty();
    }

    @Test
    void anotherActionIsRefused() {
        assertThatThrownBy(() -> cloudWatch.describeAlarms(r -> r.maxRecords(1))).isInstanceOfSatisfying(
                CloudWatchException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction"));
    }

    @Test
    void anUnsignedRequestIsRefused() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetMetricWidgetImage&Version=2010-08-01&MetricWidget="
                        + java.net.URLEncoder.encode(widget("60", "Sum"), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("<Code>MissingAuthenticationToken</Code>");
    }
}
