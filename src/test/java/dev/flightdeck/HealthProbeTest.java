package dev.flightdeck;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {

    @Test
    void succeedsOnlyOn200() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/up", ex -> { ex.sendResponseHeaders(200, -1); ex.close(); });
        server.createContext("/down", ex -> { ex.sendResponseHeaders(503, -1); ex.close(); });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(HealthProbe.probe(base + "/up", 1000)).isTrue();
            assertThat(HealthProbe.probe(base + "/down", 1000)).isFalse();
        } finally {
            server.stop(0);
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(HealthProbe.probe("http://127.0.0.1:" + closedPort + "/health/liveness", 1000)).isFalse();
    }
}
