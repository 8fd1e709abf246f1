package dev.flightdeck.reliability;

import dev.flightdeck.testing.FreePorts;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.PostgresDatabase;
import dev.flightdeck.testing.TestApp;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * A Flightdeck instance in its own JVM ({@code java -cp <test class path> dev.flightdeck.Application}), so a test
 * can kill it with SIGKILL ({@link Process#destroyForcibly()}) the way an orchestrator kills a replica. It runs on
 * the real clock; the team file it gets sets short nudge and reminder intervals instead of moving time.
 */
final class ReplicaProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private ReplicaProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the JVM; {@link #awaitReady(Duration)} waits for its readiness probe. */
    static ReplicaProcess start(String name, FakeSlack slack, PostgresDatabase db, Path teamFile, Map<String, String> env) {
        int port = FreePorts.loopback();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx200m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("micronaut.server.port", String.valueOf(port));
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("slack.bot-token", FakeSlack.BOT_TOKEN);
        props.put("slack.signing-secret", TestApp.SIGNING_SECRET);
        props.put("slack.app-token", "");
        props.put("slack.api-url", slack.baseUrl());
        props.put("slack.retry.initial-backoff", "20ms");
        db.micronautProperties().forEach(props::put);
        props.put("micronaut.server.port", String.valueOf(port));
        props.put("micronaut.config.files", teamFile.toAbsolutePath().toString());
        props.put("flightdeck.deploy.scheduler-interval", "500ms");
        props.put("incident-jobs.interval", "500ms");
        // Nudges come every 2 s here: a claim left by the killed replica must come due again within the test.
        props.put("flightdeck.scheduler.claim-lease", "3s");
        // Likewise an outbox claim (a nudge in flight) held by the killed replica: the default lease is 10 minutes.
        props.put("flightdeck.outbox.lease", "3s");
        props.put("flightdeck.outbox.send-timeout", "2s");
        props.put("flightdeck.outbox.interval", "500ms");
        props.put("flightdeck.deploy.post-release-job", "false");
        props.put("flightdeck.build.http-timeout", "3s");
        props.put("aws.disableEc2Metadata", "true");
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("dev.flightdeck.Application");
        try {
            Path log = Files.createDirectories(Path.of("target", "replicas")).resolve(name + "-" + port + ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            pb.environment().putAll(env);
            Process process = pb.start();
            // Should the test JVM end abruptly, no replica outlives it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ReplicaProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ReplicaProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri().resolve("/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(100);
        }
        throw new AssertionError(name + " not ready after " + timeout + "; see " + log.toAbsolutePath());
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** SIGKILL: no shutdown hooks, no graceful drain, connections cut. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
