package dev.flightdeck.aws;

import dev.flightdeck.alarms.AlarmGraphs;
import dev.flightdeck.alarms.MetricRef;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The last 3 hours of an alarm's metric as a PNG, from CloudWatch {@code GetMetricWidgetImage} (see
 * {@link MetricWidget} for what is drawn). A picture is a nicety: the call is tried at most
 * {@code flightdeck.aws.cloudwatch-widget-attempts} times (default 2: one retry, with the SDK's backoff, of a
 * throttled or failed call) within {@code flightdeck.aws.cloudwatch-widget-timeout}, and any failure is one log line
 * (the error code, never AWS's text) and no picture.
 *
 * <p>The call goes where every CloudWatch call goes ({@code aws.endpoint-url}, else the SDK's own), unless
 * {@code flightdeck.aws.cloudwatch-widget-endpoint-url} sends this one call elsewhere: moto, which stands in for AWS in
 * the tests, does not implement it, so the tests point it at a fake of their own.
 */
@Singleton
public class CloudWatchAlarmGraphs implements AlarmGraphs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchAlarmGraphs.class);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final AwsClients clients;
    private final Optional<URI> endpoint;
    private final Duration timeout;
    private final int attempts;
    private CloudWatchClient client; // guarded by this

    public CloudWatchAlarmGraphs(AwsClients clients,
                                 @Value("${flightdeck.aws.cloudwatch-widget-endpoint-url:}") String endpoint,
                                 @Value("${flightdeck.aws.cloudwatch-widget-timeout:10s}") Duration timeout,
                                 @Value("${flightdeck.aws.cloudwatch-widget-attempts:2}") int attempts) {
        this.clients = clients;
        this.endpoint = endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim()));
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public Optional<byte[]> last3Hours(MetricRef metric, String alarmName, Optional<Double> threshold) {
        try {
            SdkBytes image = client().getMetricWidgetImage(r -> r
                    .metricWidget(MetricWidget.lastThreeHours(metric, alarmName, threshold))
                    .outputFormat("png")).metricWidgetImage();
            byte[] png = image == null ? new byte[0] : image.asByteArray();
            if (!isPng(png)) {
                LOG.warn("No alarm graph: CloudWatch GetMetricWidgetImage answered {} bytes that are not a PNG", png.length);
                return Optional.empty();
            }
            return Optional.of(png);
        } catch (SdkException | AwsNotConfiguredException e) {
            LOG.warn("No alarm graph: CloudWatch GetMetricWidgetImage: {}", AwsErrors.describe(e));
            return Optional.empty();
        }
    }

    private synchronized CloudWatchClient client() {
        if (client == null) {
            try {
                CloudWatchClientBuilder builder = clients.configure(CloudWatchClient.builder());
                endpoint.ifPresent(builder::endpointOverride);
                builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .apiCallTimeout(timeout)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build())
                        .build());
                client = builder.build();
            } catch (SdkException e) {
                // Typically no region; AwsClients says the same for every other AWS call.
                throw new AwsNotConfiguredException("AWS is not configured for Flightdeck: set AWS_REGION, and "
                        + "credentials through the usual AWS chain", e);
            }
        }
        return client;
    }

    private static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
