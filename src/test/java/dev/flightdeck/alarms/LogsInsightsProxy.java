package dev.flightdeck.alarms;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.testing.MotoForwarding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A loopback proxy in front of moto_server for CloudWatch Logs Insights, whose moto version ignores a query's
 * {@code filter} (it returns every event). StartQuery: the query the SDK really sent is recorded, its
 * {@code filter @message like /…/} and {@code limit} kept, and moto asked for every event newest first. GetQueryResults:
 * moto's rows filtered with that regex, cut to the limit, {@code @timestamp} written as Logs Insights writes it
 * ({@code yyyy-MM-dd HH:mm:ss.SSS}, moto gives epoch millis) and {@code statistics.recordsMatched} added; a query
 * started while {@link #hold(boolean) holding} answers {@code Running} until released; a filter regex that does not
 * compile is answered {@code MalformedQueryException}, as Logs Insights does. StopQuery (moto lacks it) is
 * answered here and recorded. Everything else passes through to moto unchanged.
 */
public final class LogsInsightsProxy implements AutoCloseable {

    private static final Pattern FILTER = Pattern.compile("filter\\s+@message\\s+like\\s+/((?:\\\\.|[^\\\\/])*)/");
    private static final Pattern LIMIT = Pattern.compile("\\|\\s*limit\\s+([0-9]+)");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final String TARGET = "Logs_20140328.";

    private record Query(Pattern filter, int limit) {
    }

    private final URI moto;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Query> queries = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile boolean holding;
    /** Every queryString StartQuery received, in order, as the SDK sent it. */
    public final List<String> started = new CopyOnWriteArrayList<>();
    /** The ids StopQuery was called with. */
    public final List<String> stopped = new CopyOnWriteArrayList<>();

    public LogsInsightsProxy(URI moto) {
        this.moto = moto;
        server = MotoForwarding.startOnLoopback(this::serve, pool);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** While on, queries started are held Running; turning it off releases them all. */
    public void hold(boolean on) {
        holding = on;
        if (!on) {
            held.clear();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String action = target != null && target.startsWith(TARGET) ? target.substring(TARGET.length()) : "";
            switch (action) {
                case "StartQuery" -> startQuery(exchange, body);
                case "GetQueryResults" -> queryResults(exchange, body);
                case "StopQuery" -> {
                    stopped.add(json(body).get("queryId").getAsString());
                    answer(exchange, 200, "{\"success\":true}");
                }
                default -> {
                    MotoForwarding.relay(forward(exchange, body), exchange);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startQuery(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        JsonObject request = json(body);
        String text = request.get("queryString").getAsString();
        started.add(text);
        Matcher filter = FILTER.matcher(text);
        Matcher limit = LIMIT.matcher(text);
        Pattern regex;
        try {
            regex = filter.find() ? Pattern.compile(filter.group(1)) : null;
        } catch (PatternSyntaxException e) {
            // What Logs Insights answers for a query it cannot parse.
            answer(exchange, 400, "{\"__type\":\"MalformedQueryException\",\"message\":\"unexpected symbol\","
                    + "\"queryCompileError\":{\"location\":{\"start\":0,\"end\":1},\"message\":\"bad regex\"}}");
            return;
        }
        Query query = new Query(regex, limit.find() ? Integer.parseInt(limit.group(1)) : 10_000);
        request.addProperty("queryString", "fields @timestamp, @message | sort @timestamp desc");
        HttpResponse<byte[]> reply = forward(exchange, request.toString().getBytes(StandardCharsets.UTF_8));
        String answer = new String(reply.body(), StandardCharsets.UTF_8);
        if (reply.statusCode() == 200) {
            String id = json(reply.body()).get("queryId").getAsString();
            queries.put(id, query);
            if (holding) {
                held.add(id);
            }
        }
        answer(exchange, reply.statusCode(), answer);
    }

    private void queryResults(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        String id = json(body).get("queryId").getAsString();
        if (held.contains(id)) {
            answer(exchange, 200, "{\"results\":[],\"status\":\"Running\",\"statistics\":{\"recordsMatched\":0.0,"
                    + "\"recordsScanned\":0.0,\"bytesScanned\":0.0}}");
            return;
        }
        HttpResponse<byte[]> reply = forward(exchange, body);
        Query query = queries.get(id);
        if (reply.statusCode() != 200 || query == null) {
            answer(exchange, reply.statusCode(), new String(reply.body(), StandardCharsets.UTF_8));
            return;
        }
        JsonObject answer = json(reply.body());
        JsonArray rows = answer.getAsJsonArray("results");
        JsonArray kept = new JsonArray();
        int matched = 0;
        for (JsonElement row : rows) {
            String message = field(row.getAsJsonArray(), "@message");
            if (query.filter() != null && (message == null || !query.filter().matcher(message).find())) {
                continue;
            }
            matched++;
            if (kept.size() < query.limit()) {
                for (JsonElement f : row.getAsJsonArray()) {
                    JsonObject field = f.getAsJsonObject();
                    if ("@timestamp".equals(field.get("field").getAsString())) {
                        field.addProperty("value", TIMESTAMP.format(Instant.ofEpochMilli(field.get("value").getAsLong())));
                    }
                }
                kept.add(row);
            }
        }
        answer.add("results", kept);
        JsonObject statistics = new JsonObject();
        statistics.addProperty("recordsMatched", (double) matched);
        statistics.addProperty("recordsScanned", (double) rows.size());
        statistics.addProperty("bytesScanned", 0.0);
        answer.add("statistics", statistics);
        answer(exchange, 200, answer.toString());
    }

    private static String field(JsonArray row, String name) {
        for (JsonElement f : row) {
            if (name.equals(f.getAsJsonObject().get("field").getAsString())) {
                return f.getAsJsonObject().get("value").getAsString();
            }
        }
        return null;
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        return MotoForwarding.forward(client, moto, exchange, body);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "logs-insights-proxy");
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        exchange.getResponseBody().write(out);
    }

    private static JsonObject json(byte[] body) {
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
