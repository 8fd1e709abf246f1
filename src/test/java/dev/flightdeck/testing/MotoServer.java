package dev.flightdeck.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code moto_server} (AWS fake, on PATH) on its own loopback port for one test class:
 * <pre>{@code @RegisterExtension static final MotoServer moto = new MotoServer();}</pre>
 * Point SDK clients at {@link #endpoint()} with {@link #region()} and {@link #credentials()}.
 * Missing moto_server fails the class (never skips); the process tree is destroyed after it.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private Process process;
    private Path log;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws IOException, InterruptedException {
        port = FreePorts.loopback();
        log = Files.createTempFile("moto-server-" + port + "-", ".log");
        try {
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is not on PATH (pip install 'moto[server]'): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + " before answering on port "
                        + port + "; see its log " + log + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("moto_server did not answer on port " + port + " within " + START_TIMEOUT
                        + "; see its log " + log);
            }
            Thread.sleep(100);
        }
    }

    public void stop() {
        if (process == null) return;
        // moto_server may be a shim script: end its children too, or the port stays taken.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** e.g. http://127.0.0.1:PORT, for {@code endpointOverride} or AWS_ENDPOINT_URL. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Region region() {
        return Region.US_EAST_1;
    }

    /** Static fake credentials (moto accepts any). */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /** Forgets every resource moto holds, for tests that share one server. */
    public void reset() throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
        c.setRequestMethod("POST");
        if (c.getResponseCode() != 200) throw new IllegalStateException("moto reset answered " + c.getResponseCode());
    }

    public Path log() {
        return log;
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
