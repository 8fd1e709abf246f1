package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * CloudWatch's {@code GetMetricWidgetImage}, alone, on 127.0.0.1 (moto does not implement it). It speaks what AWS SDK
 * for Java 2.40 sends for CloudWatch: the awsQuery protocol (the SDK's {@code GetMetricWidgetImageRequestMarshaller}
 * is built on {@code AwsQueryProtocolFactory}): a SigV4-signed form POST to {@code /} with {@code Action},
 * {@code Version=2010-08-01}, {@code MetricWidget} and {@code OutputFormat}; the answer an XML document with the PNG in
 * base64, errors an {@code ErrorResponse} document. As strict as CloudWatch where Flightdeck could get it wrong: an
 * unsigned request, another action, or a widget that does not follow "Metric Widget Structure and Syntax" (metrics as
 * {@code [namespace, name, dimension, value, …, {options}]}, a relative or absolute {@code start}, sizes within
 * 1–2000, horizontal annotations with a numeric {@code value}) is refused as CloudWatch refuses it. Every request is
 * recorded, the widget parsed; a good one gets a real PNG of the requested size.
 */
public final class FakeCloudWatchWidgets implements AutoCloseable {

    private static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static final int MAX_WIDGET_BYTES = 100 * 1024;

    /** One request as it arrived; {@code widget} is null when MetricWidget was missing or not a JSON object. */
    public record Request(String action, String version, String outputFormat, String rawWidget, JsonObject widget,
                          String authorization, Instant at, int status, String errorCode) {

        /** The one metric line, e.g. {@code ["Shop/Requests", "Errors", "Environment", "prod", {"stat": "Sum"}]}. */
        public JsonArray firstMetric() {
            return widget.getAsJsonArray("metrics").get(0).getAsJsonArray();
        }
    }

    private record Failure(int status, String code) {
    }

    private final List<Request> requests = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private boolean down;
    private CountDownLatch held;
    private HttpServer server;

    public FakeCloudWatchWidgets start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("FakeCloudWatchWidgets could not bind 127.0.0.1", e);
        }
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The value for {@code flightdeck.aws.cloudwatch-widget-endpoint-url}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for one alarm's graph (the widget's title): other tests' alarms in a shared app draw here too. */
    public synchronized List<Request> requestsFor(String alarm) {
        return requests.stream().filter(r -> r.widget().has("title")
                && alarm.equals(r.widget().get("title").getAsString())).toList();
    }

    /** The next {@code times} requests are throttled as CloudWatch throttles: HTTP 400, code Throttling. */
    public synchronized void throttleNext(int times) {
        failNext(times, 400, "Throttling");
    }

    /** The next {@code times} requests get this error, e.g. 500 InternalFailure or 503 ServiceUnavailable. */
    public synchronized void failNext(int times, int status, String code) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(status, code));
        }
    }

    /** While down, every connection is dropped without an answer, as from an endpoint that is gone. */
    public synchronized void down(boolean isDown) {
        down = isDown;
    }

    /** Requests wait (up to 30 s) for {@code release} before they are answered: to see that callers do not wait. */
    public synchronized void holdUntil(CountDownLatch release) {
        held = release;
    }

    /** Forgets requests and queued failures, answers at once and comes back up. */
    public synchronized void reset() {
        requests.clear();
        failures.clear();
        down = false;
        held = null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> form = FakeSlackHttp.parseForm(new String(body, StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String rawWidget = form.get("MetricWidget");
        JsonObject widget = FakeJson.parseOrNull(rawWidget) instanceof JsonObject o ? o : null;
        Failure failure;
        CountDownLatch hold;
        synchronized (this) {
            hold = held;
        }
        if (hold != null) {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (down) {
                exchange.close(); // no status line: the SDK sees the connection end, as with a dead endpoint
                return;
            }
            failure = failures.poll();
        }
        if (failure == null) {
            failure = refusal(exchange, form, authorization, rawWidget, widget);
        }
        synchronized (this) {
            requests.add(new Request(form.get("Action"), form.get("Version"), form.get("OutputFormat"), rawWidget, widget,
                    authorization, Instant.now(), failure == null ? 200 : failure.status(),
                    failure == null ? null : failure.code()));
        }
        if (failure != null) {
            write(exchange, failure.status(), "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>"
                    + (failure.status() >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + failure.code()
                    + "</Code><Message>refused by the fake</Message></Error><RequestId>" + UUID.randomUUID()
                    + "</RequestId></ErrorResponse>");
            return;
        }
        byte[] png = png(size(widget, "width", 600), size(widget, "height", 400));
        write(exchange, 200, "<GetMetricWidgetImageResponse xmlns=\"" + NS + "\"><GetMetricWidgetImageResult>"
                + "<MetricWidgetImage>" + Base64.getEncoder().encodeToString(png) + "</MetricWidgetImage>"
                + "</GetMetricWidgetImageResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></GetMetricWidgetImageResponse>");
    }

    /** Null when CloudWatch would draw it; else its error. */
    private static Failure refusal(HttpExchange exchange, Map<String, String> form, String authorization,
                                   String rawWidget, JsonObject widget) {
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
            return new Failure(400, "InvalidAction");
        }
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")
                || !authorization.contains("/monitoring/aws4_request") || !authorization.contains("Signature=")) {
            return new Failure(403, "MissingAuthenticationToken");
        }
        if (!"GetMetricWidgetImage".equals(form.get("Action"))) {
            return new Failure(400, "InvalidAction");
        }
        if (!"2010-08-01".equals(form.get("Version"))) {
            return new Failure(400, "InvalidParameterValue");
        }
        if (rawWidget == null || rawWidget.isBlank()) {
            return new Failure(400, "MissingParameter");
        }
        String format = form.get("OutputFormat");
        if (rawWidget.getBytes(StandardCharsets.UTF_8).length > MAX_WIDGET_BYTES || widget == null
                || (format != null && !format.equals("png")) || !MetricWidgetRules.valid(widget)) {
            return new Failure(400, "InvalidParameterValue");
        }
        return null;
    }

    private static int size(JsonObject widget, String key, int otherwise) {
        return widget.has(key) ? widget.get(key).getAsInt() : otherwise;
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1f77b4));
        g.drawLine(0, height * 2 / 3, width - 1, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void write(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
