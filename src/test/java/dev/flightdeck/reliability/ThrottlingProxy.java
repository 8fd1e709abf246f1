package dev.flightdeck.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.testing.MotoForwarding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of moto_server that answers some requests the way AWS does when it throttles: HTTP 400
 * with {@code ThrottlingException} in the JSON protocol's error shape (SSM, Secrets Manager) or {@code Throttling}
 * in the query protocol's XML. Everything else is forwarded to moto unchanged, so the SDK talks the real wire protocol.
 */
public final class ThrottlingProxy implements AutoCloseable {

    private final URI target;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private volatile boolean throttleAll;
    private volatile String onlyAction;
    public final AtomicInteger forwarded = new AtomicInteger();
    public final AtomicInteger throttled = new AtomicInteger();

    public ThrottlingProxy(URI target) {
        this.target = target;
        server = MotoForwarding.startOnLoopback(this::serve, pool);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next n requests are throttled (a burst). */
    public void throttleNext(int n) {
        onlyAction = null;
        throttleNext.set(n);
    }

    /** The next n requests for one JSON-protocol action (e.g. "PutParameter") are throttled; others pass. */
    public void throttleNext(int n, String action) {
        onlyAction = action;
        throttleNext.set(n);
    }

    /** Every request is throttled until turned off (a sustained limit). */
    void throttleAll(boolean on) {
        throttleAll = on;
    }

    public void resetCounts() {
        forwarded.set(0);
        throttled.set(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String action = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        boolean chosen = onlyAction == null || (action != null && action.endsWith("." + onlyAction));
        if (throttleAll || (chosen && throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0)) {
            throttled.incrementAndGet();
            boolean json = exchange.getRequestHeaders().getFirst("X-Amz-Target") != null;
            byte[] error = (json ? "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
                    : "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                    + "</Error><RequestId>throttled-by-proxy</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", json ? "application/x-amz-json-1.1" : "text/xml");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "throttled-by-proxy");
            exchange.sendResponseHeaders(400, error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        forwarded.incrementAndGet();
        try {
            MotoForwarding.relay(MotoForwarding.forward(client, target, exchange, body), exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
