package dev.flightdeck.web.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The status page on a port of its own (FLIGHTDECK_STATUS_PORT), so it can be exposed to the internet while the
 * manager pages, the Slack edge, hooks, health and metrics are not: a small server of its own (the JDK's), not a
 * second Micronaut listener, so nothing else the service answers can reach this port, whatever is added later (the
 * Slack fast path, for one, answers in Netty before any route or filter). It answers the three status routes
 * (GET or HEAD) and 404 to everything else. The main port keeps serving the status page too.
 */
@Singleton
public class StatusPort implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPort.class);
    private static final byte[] NOT_FOUND = "Not found.\n".getBytes(StandardCharsets.UTF_8);

    private final StatusSettings settings;
    private final StatusDocuments documents;
    private HttpServer server;
    private ExecutorService pool;

    public StatusPort(StatusSettings settings, StatusDocuments documents) {
        this.settings = settings;
        this.documents = documents;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        OptionalInt port = settings.port();
        if (port.isEmpty() || server != null) {
            return;
        }
        InetSocketAddress address = settings.host().isEmpty() ? new InetSocketAddress(port.getAsInt())
                : new InetSocketAddress(settings.host(), port.getAsInt());
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("The status page cannot listen on " + address + " (FLIGHTDECK_STATUS_PORT)", e);
        }
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "status-port");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Status page also on port {} (it serves nothing else)", boundPort().orElse(-1));
    }

    /** The port it listens on (the bound one when 0 was asked for); empty when there is no status port. */
    public synchronized Optional<Integer> boundPort() {
        return server == null ? Optional.empty() : Optional.of(server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            Optional<StatusDocuments.Document> answer = "GET".equals(method) || head
                    ? documents.answer(exchange.getRequestURI().getPath()) : Optional.empty();
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (answer.isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, head ? -1 : NOT_FOUND.length);
                if (!head) {
                    exchange.getResponseBody().write(NOT_FOUND);
                }
                return;
            }
            StatusDocuments.Document d = answer.get();
            byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
            d.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", d.contentType());
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Status page on its own port failed: {}", e.toString());
            throw e;
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
            try {
                pool.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }
}
