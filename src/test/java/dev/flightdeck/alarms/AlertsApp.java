package dev.flightdeck.alarms;

import dev.flightdeck.testing.FakeCloudWatchWidgets;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MotoServer;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestAws;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One running Flightdeck for issue 17's tests (alerts in, logs, error budgets): the example team file with
 * teamconfig/alerts.yml laid over it (service {@code shop}: alarm prefix shop-{env}-, runbook, log groups
 * /ecs/shop-{env} searched through {@link LogsInsightsProxy}, config under SSM /shop/{env}/, an SLO on Shop/Requests
 * Good/Total; prod posts alarms to #alerts and gates on slo), AWS in moto, CloudWatch's GetMetricWidgetImage (which
 * moto lacks) in {@link FakeCloudWatchWidgets}, FakeSlack with #alerts, a MutableClock, signed Slack requests, the AWS
 * events token and the alerts token.
 * Started once per JVM; tests use alarm names and log streams of their own.
 */
public final class AlertsApp {

    /** The {@code X-Flightdeck-Token} the events route expects (FLIGHTDECK_AWS_EVENTS_TOKEN). */
    public static final String EVENTS_TOKEN = "test-aws-events-token-9a7e21";
    /** The bearer token {@code /hooks/alerts/{source}} expects (FLIGHTDECK_ALERTS_TOKEN). */
    public static final String ALERTS_TOKEN = "test-alerts-token-41c0d8";

    private static AlertsApp shared;

    public final FakeSlack slack;
    public final EmbeddedServer server;
    public final MutableClock clock;
    public final SignedRequests signed;
    public final MotoServer moto = TestAws.moto();
    /** CloudWatch's GetMetricWidgetImage, which moto lacks: the alarm graphs are drawn here. */
    public final FakeCloudWatchWidgets widgets = new FakeCloudWatchWidgets().start();
    /** Logs Insights in front of moto (see {@link LogsInsightsProxy}); Flightdeck's Logs client talks to it. */
    public final LogsInsightsProxy logsInsights = new LogsInsightsProxy(moto.endpoint());
    private final HttpClient http = HttpClient.newHttpClient();

    private AlertsApp() {
        slack = new FakeSlack().start();
        slack.addChannelWithoutBot("alerts");
        String files = Path.of("flightdeck.example.yml").toAbsolutePath() + ","
                + Path.of("src/test/resources/teamconfig/alerts.yml").toAbsolutePath();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.config.files", files,
                "flightdeck.aws.events-token", EVENTS_TOKEN,
                "flightdeck.alerts-token", ALERTS_TOKEN,
                "flightdeck.deploy.scheduler-interval", "1h",
                "flightdeck.config-change.wake", "false",
                "flightdeck.aws.cloudwatch-widget-endpoint-url", widgets.endpoint().toString(),
                // The app's own CodeBuild client reads moto's timestamps (the CodeBuild events tests start builds).
                dev.flightdeck.build.MotoTimestamps.PROPERTY, "true",
                // Nudges are driven by the tests (move the clock, then AlertNudges.runDue()), not a waker.
                "flightdeck.alerts.wake", "false"));
        // /deploy logs: Logs Insights through the proxy; "still running" after 3 s, given up after 12 s.
        properties.putAll(Map.of(
                "flightdeck.aws.logs-endpoint-url", logsInsights.url(),
                "flightdeck.logs.wait", "3s",
                "flightdeck.logs.poll-interval", "200ms",
                "flightdeck.logs.slow-poll-interval", "500ms",
                "flightdeck.logs.give-up-after", "12s"));
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, properties));
        clock = server.getApplicationContext().getBean(MutableClock.class);
        signed = new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            logsInsights.close();
            slack.stop();
            widgets.close();
        }));
    }

    public static synchronized AlertsApp shared() {
        if (shared == null) {
            shared = new AlertsApp();
        }
        return shared;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** An SSM client on moto, for seeding and for reading what Flightdeck wrote. Close it. */
    public SsmClient ssm() {
        return SsmClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A CloudWatch Logs client on moto itself (not the proxy), for planting log lines. Close it. */
    public CloudWatchLogsClient logs() {
        return CloudWatchLogsClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A CloudWatch client on moto, for seeding alarms and their tags. Close it. */
    public CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** An EventBridge API-destination delivery to {@code /hooks/aws/events} with the given token. */
    public HttpResponse<String> awsEvent(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/hooks/aws/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Flightdeck-Token", token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
