package dev.flightdeck.slack.edge;

import dev.flightdeck.testing.FreePorts;
import dev.flightdeck.slack.HelpText;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real main in its own JVM, set up through environment variables as the README's operators do: the first signed
 * {@code /deploy help} is answered by the early edge with the service's own help, the service then takes the port over
 * (its log says how many requests the early edge answered), answers the same help, and refuses a copy of the first.
 */
class EarlyEdgeProcessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final String ALICE = "U0ALICE001";

    @Test
    void theFirstHelpIsAnsweredEarlyAndTheServiceTakesOver() throws Exception {
        FakeSlack slack = new FakeSlack().start();
        Path dir = Files.createTempDirectory("flightdeck-early-edge");
        Path log = dir.resolve("flightdeck.log");
        int port = FreePorts.loopback();
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx200m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"), "dev.flightdeck.Application"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("MICRONAUT_") || k.startsWith("FLIGHTDECK_") || k.startsWith("SLACK_")
                || k.startsWith("DATASOURCES_"));
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        env.put("SLACK_SIGNING_SECRET", TestApp.SIGNING_SECRET);
        env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
        env.put("SLACK_API_URL", slack.baseUrl());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = pb.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            SignedRequests signed = new SignedRequests(TestApp.SIGNING_SECRET, Clock.systemUTC()).forWorkspace(slack);
            SignedRequest help = signed.slashCommand("/deploy", "help", ALICE, "C0DEPLOYS1", slack.responseUrl());
            SignedRequest.Reply first = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (first == null && System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the service is running; see %s", log).isTrue();
                try {
                    SignedRequest.Reply r = send(help, base);
                    first = r.status() == 200 ? r : null;
                } catch (UncheckedIOException notListening) {
                    // not yet
                }
                if (first == null) {
                    Thread.sleep(20);
                }
            }
            assertThat(first).as("answered within a minute; see %s", log).isNotNull();
            assertThat(first.json().getAsJsonObject().get("text").getAsString()).isEqualTo(HelpText.deploy());

            while (get(base.resolve("/health/readiness")) != 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(log)).containsPattern("The early Slack edge answered [1-9][0-9]* request");
            assertThat(send(help, base).status()).as("a copy, now sent to the service").isEqualTo(409);
            SignedRequest.Reply service = send(signed.slashCommand("/deploy", "help", ALICE, "C0DEPLOYS1",
                    slack.responseUrl()), base);
            assertThat(service.status()).isEqualTo(200);
            assertThat(service.json()).isEqualTo(first.json());
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            slack.stop();
        }
    }

    private static SignedRequest.Reply send(SignedRequest request, URI base) {
        try {
            HttpResponse<String> r = HTTP.send(request.toHttpRequest(base), HttpResponse.BodyHandlers.ofString());
            return new SignedRequest.Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

}
