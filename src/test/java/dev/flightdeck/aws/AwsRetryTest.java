package dev.flightdeck.aws;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.envconfig.ConfigRules;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.Fingerprinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling is retried with backoff up to aws.max-attempts, then reported by error code, not by AWS's message text. */
class AwsRetryTest {

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void startThrottlingFor(int times) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            boolean throttle = requests.incrementAndGet() <= times;
            byte[] body = (throttle
                    ? "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded for value hunter2\"}"
                    : "{\"Parameters\":[{\"Name\":\"/s/prod/K\",\"Type\":\"String\",\"Value\":\"v\",\"Version\":1}]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            ex.sendResponseHeaders(throttle ? 400 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    SsmConfigSource source() {
        var settings = new AwsSettings("us-east-1", "http://127.0.0.1:" + server.getAddress().getPort(), "testing",
                "testing", Duration.ofSeconds(20), Duration.ofSeconds(5), 3);
        Fingerprinter fingerprints = new Fingerprinter("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        return new SsmConfigSource(new AwsClients(settings, List.of()), () -> fingerprints);
    }

    static final EnvConfigSettings SETTINGS = new EnvConfigSettings(Optional.of("/s/{env}"), List.of(), ConfigRules.NONE);

    @Test
    void throttlingIsRetriedUntilItPasses() throws IOException {
        // DescribeParameters is throttled twice, then answers (with no parameters metadata); GetParametersByPath answers.
        startThrottlingFor(2);
        var read = source().read("s", "prod", SETTINGS);
        assertThat(read.entries()).extracting(e -> e.key()).containsExactly("K");
        assertThat(requests).hasValue(4);
    }

    @Test
    void throttlingPastTheLastAttemptFailsNamingTheErrorCodeOnly() throws IOException {
        startThrottlingFor(Integer.MAX_VALUE);
        assertThatThrownBy(() -> source().read("s", "prod", SETTINGS))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessage("SSM Parameter Store path /s/prod: AWS is throttling Flightdeck's requests (ThrottlingException, HTTP 400)"
                        + " and every retry was throttled too; try again in a minute");
        assertThat(requests).hasValue(3);
    }
}
