package dev.flightdeck.demo;

import dev.flightdeck.testing.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's first run, as the README gives it: {@code java -jar flightdeck.jar --demo} in a directory of their own,
 * no team file, no Slack, the port of their choosing. The service is started as its own process (the real main, the
 * real environment variables), so nothing of the test JVM's settings leaks into what is checked.
 */
class FirstRunTest {

    private static final Pattern LINK = Pattern.compile("Manager pages: open (http://[^/\\s]+)/signin\\?token=([A-Za-z0-9_-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Path dir;
    static Path log;
    static Process process;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("flightdeck-first-run");
        log = dir.resolve("flightdeck.log");
        port = FreePorts.loopback();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx200m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"), "dev.flightdeck.Application", "--demo"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // A first-time user has set none of these.
        env.keySet().removeIf(k -> k.startsWith("MICRONAUT_") || k.startsWith("FLIGHTDECK_") || k.startsWith("SLACK_")
                || k.startsWith("DATASOURCES_"));
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void demoWithoutATeamFileLoadsTheExampleAndTheAccessLinkNamesTheChosenPort() throws Exception {
        Matcher link = awaitLogLine(LINK, Duration.ofSeconds(120));
        String logText = Files.readString(log);
        assertThat(logText).contains("--demo with no team file").contains("flightdeck.example.yml");
        assertThat(logText).containsPattern("Demo data loaded: [1-9][0-9]* deploy requests and [1-9][0-9]* incidents");
        assertThat(link.group(1)).isEqualTo("http://localhost:" + port);

        // The printed link signs in; the pages show the example team's services with their demo history.
        HttpResponse<String> signin = get("/signin?token=" + link.group(2), null);
        assertThat(signin.statusCode()).as(signin.body()).isBetween(302, 303);
        String cookie = signin.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow().split(";")[0];
        HttpResponse<String> deploys = get("/deploys", cookie);
        assertThat(deploys.statusCode()).isEqualTo(200);
        assertThat(deploys.body()).contains("commons").contains("billing");
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Matcher awaitLogLine(Pattern pattern, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Matcher> found = Files.exists(log)
                    ? Files.readAllLines(log).stream().map(pattern::matcher).filter(Matcher::find).findFirst()
                    : Optional.empty();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("Flightdeck exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout + ":\n" + Files.readString(log));
    }

}
