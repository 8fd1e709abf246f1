package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * PagerDuty on loopback, as strict as the real one: the Events API v2 ({@code POST /v2/enqueue}: JSON only, a
 * 32-character routing key this fake knows, event_action trigger|acknowledge|resolve, a dedup key on resolve, payload
 * summary/source/severity on trigger; 202 {@code {"status":"success","message":"Event processed","dedup_key":…}}, else
 * 400 {@code {"status":"invalid event","message":"Event object is invalid","errors":[…]}}) and the REST API's
 * {@code GET /oncalls} ({@code Authorization: Token token=<key>}, the version 2 Accept header; 401 with PagerDuty's
 * error object otherwise). {@link #failNext} answers the next calls with 500 (Events) to test retries.
 */
public final class FakePagerDuty implements AutoCloseable {

    /** One accepted or refused event as received. */
    public record Event(String routingKey, String action, String dedupKey, JsonObject body, int status) {
    }

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");

    private final HttpServer server;
    private final Set<String> routingKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, String> restKeys = new ConcurrentHashMap<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> oncallQueries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile JsonArray oncalls = new JsonArray();

    public FakePagerDuty() {
        server = LoopbackHttp.start(this::handle);
    }

    public String url() {
        return LoopbackHttp.url(server);
    }

    public FakePagerDuty acceptRoutingKey(String key) {
        routingKeys.add(key);
        return this;
    }

    public FakePagerDuty acceptRestKey(String key) {
        restKeys.put(key, key);
        return this;
    }

    /** The next {@code n} Events API calls answer 500 (PagerDuty's "retry later"). */
    public void failNext(int n) {
        failures.set(n);
    }

    /** Who {@code GET /oncalls} says is on call: (name, email, escalation level, escalation policy id). */
    public void onCall(List<Object[]> people) {
        JsonArray out = new JsonArray();
        int id = 0;
        for (Object[] p : people) {
            JsonObject user = new JsonObject();
            user.addProperty("id", "PUSER" + (id++));
            user.addProperty("type", "user");
            user.addProperty("name", (String) p[0]);
            user.addProperty("summary", (String) p[0]);
            user.addProperty("email", (String) p[1]);
            JsonObject policy = new JsonObject();
            policy.addProperty("id", (String) p[3]);
            policy.addProperty("type", "escalation_policy_reference");
            policy.addProperty("summary", "Policy " + p[3]);
            JsonObject oncall = new JsonObject();
            oncall.add("escalation_policy", policy);
            oncall.addProperty("escalation_level", (Integer) p[2]);
            oncall.add("schedule", null);
            oncall.add("user", user);
            oncall.addProperty("start", "2026-12-07T00:00:00Z");
            oncall.addProperty("end", "2026-12-14T00:00:00Z");
            out.add(oncall);
        }
        oncalls = out;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> accepted(Predicate<Event> which) {
        return events.stream().filter(e -> e.status() == 202).filter(which).toList();
    }

    /** The query strings {@code GET /oncalls} was asked with, in order. */
    public List<String> oncallQueries() {
        return List.copyOf(oncallQueries);
    }

    public void awaitAccepted(Predicate<Event> which, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (accepted(which).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no such accepted PagerDuty event; got " + events);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (path.equals("/v2/enqueue")) {
                enqueue(x);
            } else if (path.equals("/oncalls")) {
                oncalls(x);
            } else {
                send(x, 404, "{\"error\":{\"message\":\"Not Found\",\"code\":2100}}");
            }
        }
    }

    private void enqueue(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!x.getRequestMethod().equals("POST")) {
            send(x, 405, "");
            return;
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            events.add(new Event(null, null, null, null, 500));
            send(x, 500, "");
            return;
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        List<String> errors = new ArrayList<>();
        JsonObject o = null;
        if (type == null || !type.startsWith("application/json")) {
            errors.add("Content-Type must be application/json");
        } else {
            try {
                JsonElement e = JsonParser.parseString(body);
                o = e.isJsonObject() ? e.getAsJsonObject() : null;
            } catch (RuntimeException notJson) {
                o = null;
            }
            if (o == null) {
                errors.add("Event object is not valid JSON");
            }
        }
        String key = o == null ? null : str(o, "routing_key");
        String action = o == null ? null : str(o, "event_action");
        String dedup = o == null ? null : str(o, "dedup_key");
        if (o != null) {
            if (key == null || key.length() != 32) {
                errors.add("Length of 'routing_key' is incorrect (should be 32 characters)");
            } else if (!routingKeys.contains(key)) {
                errors.add("Invalid routing key");
            }
            if (action == null || !ACTIONS.contains(action)) {
                errors.add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
            }
            if (dedup != null && dedup.length() > 255) {
                errors.add("'dedup_key' is too long (maximum is 255 characters)");
            }
            if (!"trigger".equals(action) && dedup == null) {
                errors.add("'dedup_key' is missing and must be present for acknowledge and resolve events");
            }
            if ("trigger".equals(action)) {
                JsonObject payload = o.has("payload") && o.get("payload").isJsonObject() ? o.getAsJsonObject("payload") : null;
                if (payload == null) {
                    errors.add("'payload' is missing or blank");
                } else {
                    for (String field : List.of("summary", "source", "severity")) {
                        if (str(payload, field) == null || str(payload, field).isBlank()) {
                            errors.add("'payload." + field + "' is missing or blank");
                        }
                    }
                    if (str(payload, "severity") != null && !SEVERITIES.contains(str(payload, "severity"))) {
                        errors.add("'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')");
                    }
                    if (str(payload, "summary") != null && str(payload, "summary").length() > 1024) {
                        errors.add("'payload.summary' is too long");
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            events.add(new Event(key, action, dedup, o, 400));
            JsonObject answer = new JsonObject();
            answer.addProperty("status", "invalid event");
            answer.addProperty("message", "Event object is invalid");
            JsonArray list = new JsonArray();
            errors.forEach(list::add);
            answer.add("errors", list);
            send(x, 400, answer.toString());
            return;
        }
        String dedupKey = dedup != null ? dedup : UUID.randomUUID().toString().replace("-", "");
        events.add(new Event(key, action, dedupKey, o, 202));
        send(x, 202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedupKey + "\"}");
    }

    private void oncalls(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String accept = x.getRequestHeaders().getFirst("Accept");
        if (!x.getRequestMethod().equals("GET")) {
            send(x, 405, "");
            return;
        }
        if (auth == null || !auth.startsWith("Token token=") || !restKeys.containsKey(auth.substring(12))) {
            send(x, 401, "{\"error\":{\"message\":\"Invalid Credentials\",\"code\":2006,\"errors\":"
                    + "[\"The API key provided is not valid\"]}}");
            return;
        }
        if (!"application/vnd.pagerduty+json;version=2".equals(accept)) {
            send(x, 406, "{\"error\":{\"message\":\"Not Acceptable\",\"code\":2001}}");
            return;
        }
        String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
        oncallQueries.add(query);
        String policy = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("escalation_policy_ids%5B%5D=") || pair.startsWith("escalation_policy_ids[]=")) {
                policy = java.net.URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
            }
        }
        JsonArray out = new JsonArray();
        for (JsonElement e : oncalls) {
            String id = e.getAsJsonObject().getAsJsonObject("escalation_policy").get("id").getAsString();
            if (policy == null || policy.equals(id)) {
                out.add(e);
            }
        }
        JsonObject answer = new JsonObject();
        answer.add("oncalls", out);
        answer.addProperty("limit", 25);
        answer.addProperty("offset", 0);
        answer.addProperty("more", false);
        answer.add("total", null);
        send(x, 200, answer.toString());
    }

    private static String str(JsonObject o, String field) {
        return o.has(field) && o.get(field).isJsonPrimitive() ? o.get(field).getAsString() : null;
    }

    static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
