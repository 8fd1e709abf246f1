package dev.flightdeck.slack.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's first requests answered while the service starts. Started by {@code Application.main} before Micronaut,
 * on the port Micronaut will take (a JVM with a small HTTP server answers in a fraction of the seconds the whole
 * service needs): {@link EarlyAnswers} says what it answers. Micronaut is given this object as a bean; when its
 * context has started, and before its HTTP server binds the port, {@link EarlyEdgeHandover} closes this server and
 * tells the service's replay guard which requests were answered here. A request that arrives in the moment between
 * the two finds the port closed, as every request did before the service started.
 */
public final class EarlyEdge {

    private final HttpServer server;
    private final ExecutorService worker;
    private final EarlyAnswers answers;
    private final Clock clock;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean closed;

    private EarlyEdge(HttpServer server, ExecutorService worker, EarlyAnswers answers, Clock clock) {
        this.server = server;
        this.worker = worker;
        this.answers = answers;
        this.clock = clock;
    }

    /** Binds the settings' port and answers from now on; throws when the port cannot be bound. */
    public static EarlyEdge start(EarlyEdgeSettings settings, Clock clock) throws IOException {
        InetSocketAddress address = settings.host() == null ? new InetSocketAddress(settings.port())
                : new InetSocketAddress(settings.host(), settings.port());
        HttpServer server = HttpServer.create(address, 128);
        // One daemon thread: each answer is microseconds of work, and a start that fails must not be kept alive by it.
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "slack-early-edge");
            t.setDaemon(true);
            return t;
        });
        EarlyEdge edge = new EarlyEdge(server, worker, new EarlyAnswers(settings), clock);
        server.createContext("/", edge::handle);
        server.setExecutor(worker);
        server.start();
        return edge;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests answered so far. */
    public int answered() {
        return answered.get();
    }

    /**
     * Stops answering and frees the port (at once: an exchange in progress is a few microseconds from done, and the
     * JDK's server would otherwise hold the port for the whole grace period); returns the signed forms answered.
     */
    List<EarlyAnswers.Seen> close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            worker.shutdown();
            try {
                worker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answers.seen();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            EarlyAnswers.Answer answer = body == null
                    ? new EarlyAnswers.Answer(413, java.util.Map.of(), "{\"error\":\"the request is too large\"}")
                    : answers.answer(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
                    name -> exchange.getRequestHeaders().getFirst(name), body, clock.instant());
            byte[] bytes = answer.bytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            answered.incrementAndGet();
        }
    }

    /** The body, or null when it is larger than the service accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(EarlyAnswers.MAX_BODY + 1);
        return body.length > EarlyAnswers.MAX_BODY ? null : body;
    }
}
