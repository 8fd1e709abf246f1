package dev.flightdeck.slack.edge;

import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack requests answered from Netty ahead of Micronaut (the fast path) over raw HTTP/1.1 connections: answers keep
 * the order of requests on a connection, also when a Micronaut request is in between; Connection: close is honoured;
 * and the fast path is what answers (Micronaut's request metric has no /slack/events, Flightdeck's ack timer counts).
 */
class FastSlackEdgeTest {

    static final TestApp APP = TestApp.shared();
    static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderWhicheverPathTakesThem() throws Exception {
        String help = raw(help("pipelined-1"), true);
        String health = "GET /health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (Socket socket = socket()) {
            // health, then two helps behind it (they go to Micronaut's route so the answers keep their order), health
            socket.getOutputStream().write((health + help + raw(help("pipelined-2"), true) + health)
                    .getBytes(StandardCharsets.UTF_8));
            List<String> answers = read(socket.getInputStream(), 4);
            assertThat(answers).extracting(FastSlackEdgeTest::status).containsExactly(200, 200, 200, 200);
            assertThat(answers.get(0)).contains("UP").doesNotContain("/deploy status");
            assertThat(answers.get(1)).contains("/deploy status");
            assertThat(answers.get(2)).contains("/deploy status");
            assertThat(answers.get(3)).contains("UP").doesNotContain("/deploy status");
        }
    }

    @Test
    void aPageRequestThatWaitedBehindTwoSlackAnswersIsAnsweredAtOnce() throws Exception {
        String health = "GET /health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (Socket socket = socket()) {
            // Nothing in Micronaut's hands, so the fast path takes the first help; the second help and the health
            // check wait behind it and are let through from the answer, outside Netty's read loop. The health
            // answer must still be flushed without the client sending anything more.
            socket.getOutputStream().write((raw(help("waited-1"), true) + raw(help("waited-2"), true) + health)
                    .getBytes(StandardCharsets.UTF_8));
            List<String> answers = read(socket.getInputStream(), 3);
            assertThat(answers).extracting(FastSlackEdgeTest::status).containsExactly(200, 200, 200);
            assertThat(answers.get(2)).contains("UP").doesNotContain("/deploy status");
        }
    }

    @Test
    void aSlackRequestAskingToCloseIsAnsweredAndTheConnectionClosed() throws Exception {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(raw(help("closing"), false).getBytes(StandardCharsets.UTF_8));
            String answer = read(socket.getInputStream(), 1).get(0);
            assertThat(status(answer)).isEqualTo(200);
            assertThat(answer.toLowerCase()).contains("connection: close").contains("date: ");
            assertThat(answer).contains("/deploy status");
            assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndTheServerGoesOn() throws Exception {
        try (Socket socket = socket()) {
            var out = socket.getOutputStream();
            out.write(("POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 20; i++) { // 1.25 MB, over the 1 MB limit, never finished
                    out.write(chunk);
                }
            } catch (IOException closedWhileSending) {
                // the server may close before the last chunks are written: the answer is still there to read
            }
            String answer = read(socket.getInputStream(), 1).get(0);
            assertThat(status(answer)).isEqualTo(413);
            assertThat(answer).contains("larger than the server accepts").doesNotContain("Exception");
        }
        assertThat(help("after-413").send(APP.uri()).status()).isEqualTo(200);
    }

    @Test
    void theFastPathAnswersSlackAndMicronautsRouteDoesNot() throws Exception {
        String route = "http_server_requests_seconds_count\\{[^}]*uri=\"/slack/events\"}";
        double acksBefore = metric("flightdeck_slack_ack_seconds_count\\{type=\"command\"}");
        double routeBefore = metric(route);
        for (int i = 0; i < 3; i++) {
            assertThat(help("metric-" + i).send(APP.uri()).status()).isEqualTo(200);
        }
        assertThat(metric("flightdeck_slack_ack_seconds_count\\{type=\"command\"}")).isGreaterThanOrEqualTo(acksBefore + 3);
        assertThat(metric(route)).as("requests through Micronaut's route").isEqualTo(routeBefore);
    }

    private static SignedRequest help(String channel) {
        return APP.signed().slashCommand("/deploy", "help", "U0REQUEST1", "C0" + channel.toUpperCase().replace("-", ""), null);
    }

    private static String raw(SignedRequest r, boolean keepAlive) {
        StringBuilder s = new StringBuilder("POST /slack/events HTTP/1.1\r\nHost: localhost\r\n");
        s.append("Content-Type: ").append(r.contentType()).append("\r\n");
        r.headers().forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
        s.append("Content-Length: ").append(r.body().getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        if (!keepAlive) {
            s.append("Connection: close\r\n");
        }
        return s.append("\r\n").append(r.body()).toString();
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket(APP.uri().getHost(), APP.uri().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** {@code n} whole answers (Content-Length bodies), in the order they came. */
    private static List<String> read(InputStream in, int n) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<String> answers = new ArrayList<>();
        byte[] buf = new byte[8192];
        int consumed = 0;
        while (answers.size() < n) {
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n", consumed);
            if (headEnd >= 0) {
                Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(consumed, headEnd));
                int end = headEnd + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0);
                if (text.length() >= end) {
                    answers.add(new String(all.toByteArray(), consumed, end - consumed, StandardCharsets.UTF_8));
                    consumed = end;
                    continue;
                }
            }
            int r = in.read(buf);
            if (r < 0) throw new IOException("closed after " + answers.size() + " answers");
            all.write(buf, 0, r);
        }
        return answers;
    }

    private static int status(String answer) {
        Matcher m = STATUS.matcher(answer);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP.uri() + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double metric(String regex) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + regex + " ([0-9.eE+]+)$").matcher(prometheus());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
