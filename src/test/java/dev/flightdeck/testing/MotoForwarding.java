package dev.flightdeck.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * What the test proxies in front of moto share (ThrottlingProxy, LogsInsightsProxy): a server on 127.0.0.1, a
 * request passed on to moto with its headers as the SDK signed them, and moto's answer passed back unchanged.
 */
public final class MotoForwarding {

    /** Headers the JDK client sets itself or refuses; everything else is passed on as signed. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private MotoForwarding() {
    }

    /** A started server on a free loopback port, every path to {@code handler}. */
    public static HttpServer startOnLoopback(HttpHandler handler, Executor executor) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /** The request of {@code exchange}, with {@code body}, sent to the same path at {@code target}. */
    public static HttpResponse<byte[]> forward(HttpClient client, URI target, HttpExchange exchange, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        return client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Answers {@code exchange} with {@code reply}: its status, headers and body. */
    public static void relay(HttpResponse<byte[]> reply, HttpExchange exchange) throws IOException {
        reply.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        byte[] out = reply.body();
        exchange.sendResponseHeaders(reply.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
    }
}
