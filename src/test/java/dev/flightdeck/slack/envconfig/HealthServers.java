package dev.flightdeck.slack.envconfig;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service's deep health endpoints on loopback: {@code /ok} answers 200 in Micronaut's format with its dependencies,
 * {@code /down} 503 in Spring Boot's with a broken database, {@code /hang} never answers (until stopped), and
 * {@code /elsewhere} redirects to another host.
 */
final class HealthServers {

    private final HttpServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private HealthServers(HttpServer server) {
        this.server = server;
    }

    static HealthServers start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HealthServers h = new HealthServers(server);
        server.createContext("/ok", ex -> send(ex, 200, """
                {"name":"commons","status":"UP","details":{
                  "jdbc":{"name":"commons","status":"UP","details":{"database":"PostgreSQL","version":"15.4"}},
                  "sqs":{"name":"commons","status":"UP"},
                  "diskSpace":{"name":"commons","status":"UP","details":{"total":1000,"free":800}}}}"""));
        server.createContext("/down", ex -> send(ex, 503, """
                {"status":"DOWN","components":{
                  "db":{"status":"DOWN","details":{"error":"org.postgresql.util.PSQLException: Connection refused"}},
                  "redis":{"status":"UP"},
                  "ping":{"status":"UP"}}}"""));
        server.createContext("/hang", ex -> {
            try {
                h.stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "{\"status\":\"UP\"}");
        });
        server.createContext("/elsewhere", ex -> {
            ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "health-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return h;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void stop() {
        stopped.countDown();
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
