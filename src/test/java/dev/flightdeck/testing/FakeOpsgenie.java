package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opsgenie's Alert API and Who Is On Call API on loopback, as strict as the real ones: {@code Authorization: GenieKey
 * <key>} (else 401 {@code {"message":"Could not authenticate","took":…,"requestId":…}}), {@code POST /v2/alerts} with a
 * JSON body whose message (at most 130 characters) is required, alias at most 512, priority P1..P5, responders of type
 * team|user|escalation|schedule; {@code POST /v2/alerts/{id}/close?identifierType=alias}; both answer 202
 * {@code {"result":"Request will be processed","took":0.1,"requestId":…}} (422 with the problem otherwise).
 * {@code GET /v2/schedules/{name}/on-calls?scheduleIdentifierType=name&flat=true} answers the on-call recipients.
 */
public final class FakeOpsgenie implements AutoCloseable {

    /** A request taken (202): the path as received (decoded), and its JSON body. */
    public record Call(String method, String path, String query, JsonObject body) {
    }

    private final HttpServer server;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, List<String>> schedules = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    public FakeOpsgenie() {
        server = LoopbackHttp.start(this::handle);
    }

    public String url() {
        return LoopbackHttp.url(server);
    }

    public FakeOpsgenie acceptKey(String key) {
        keys.put(key, key);
        return this;
    }

    public void schedule(String name, List<String> onCall) {
        schedules.put(name, List.copyOf(onCall));
    }

    /** The next {@code n} calls answer 503. */
    public void failNext(int n) {
        failures.set(n);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
            String raw = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("GenieKey ") || !keys.containsKey(auth.substring(9))) {
                FakePagerDuty.send(x, 401, answer("message", "Could not authenticate"));
                return;
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                FakePagerDuty.send(x, 503, answer("message", "Service Unavailable"));
                return;
            }
            if (x.getRequestMethod().equals("GET") && path.startsWith("/v2/schedules/") && path.endsWith("/on-calls")) {
                onCalls(x, path, query);
                return;
            }
            if (!x.getRequestMethod().equals("POST")) {
                FakePagerDuty.send(x, 404, answer("message", "Not Found"));
                return;
            }
            JsonObject body;
            try {
                JsonElement e = JsonParser.parseString(raw);
                body = e.isJsonObject() ? e.getAsJsonObject() : null;
            } catch (RuntimeException notJson) {
                body = null;
            }
            String type = x.getRequestHeaders().getFirst("Content-Type");
            if (body == null || type == null || !type.startsWith("application/json")) {
                FakePagerDuty.send(x, 422, answer("message", "Request body is not processable. Please check the errors.",
                        "errors", "body must be a JSON object"));
                return;
            }
            String problem = path.equals("/v2/alerts") ? create(body)
                    : path.matches("/v2/alerts/[^/]+/close") ? close(query) : "not found";
            if (problem.equals("not found")) {
                FakePagerDuty.send(x, 404, answer("message", "Not Found"));
            } else if (!problem.isEmpty()) {
                FakePagerDuty.send(x, 422, answer("message", problem));
            } else {
                calls.add(new Call("POST", path, query, body));
                FakePagerDuty.send(x, 202, answer("result", "Request will be processed"));
            }
        }
    }

    private static String create(JsonObject body) {
        String message = body.has("message") ? body.get("message").getAsString() : "";
        if (message.isBlank()) {
            return "Message can not be empty.";
        }
        if (message.length() > 130) {
            return "Message can not be longer than 130 characters.";
        }
        if (body.has("alias") && body.get("alias").getAsString().length() > 512) {
            return "Alias can not be longer than 512 characters.";
        }
        if (body.has("priority") && !body.get("priority").getAsString().matches("P[1-5]")) {
            return "Priority should be one of [P1, P2, P3, P4, P5]";
        }
        if (body.has("responders")) {
            for (JsonElement r : body.getAsJsonArray("responders")) {
                String t = r.getAsJsonObject().has("type") ? r.getAsJsonObject().get("type").getAsString() : "";
                if (!List.of("team", "user", "escalation", "schedule").contains(t)) {
                    return "Responder type should be one of [team, user, escalation, schedule]";
                }
            }
        }
        return "";
    }

    private static String close(String query) {
        return query.contains("identifierType=alias") || query.contains("identifierType=id")
                || query.contains("identifierType=tiny") ? "" : "identifierType must be one of [id, alias, tiny]";
    }

    private void onCalls(HttpExchange x, String path, String query) throws IOException {
        String name = URLDecoder.decode(path.substring("/v2/schedules/".length(), path.length() - "/on-calls".length()),
                StandardCharsets.UTF_8);
        if (!query.contains("scheduleIdentifierType=name") || !schedules.containsKey(name)) {
            FakePagerDuty.send(x, 404, answer("message", "Schedule with identifier [" + name + "] does not exist"));
            return;
        }
        calls.add(new Call("GET", path, query, null));
        JsonObject parent = new JsonObject();
        parent.addProperty("id", "d875e654-9b4e-4219-a803-0c26721c3f36");
        parent.addProperty("name", name);
        parent.addProperty("enabled", true);
        JsonObject data = new JsonObject();
        data.add("_parent", parent);
        JsonArray recipients = new JsonArray();
        schedules.get(name).forEach(recipients::add);
        data.add(query.contains("flat=true") ? "onCallRecipients" : "onCallParticipants", recipients);
        JsonObject out = new JsonObject();
        out.add("data", data);
        out.addProperty("took", 0.1);
        out.addProperty("requestId", UUID.randomUUID().toString());
        FakePagerDuty.send(x, 200, out.toString());
    }

    private static String answer(String field, String text, String... more) {
        JsonObject o = new JsonObject();
        o.addProperty(field, text);
        if (more.length == 2) {
            JsonObject errors = new JsonObject();
            errors.addProperty("body", more[1]);
            o.add(more[0], errors);
        }
        o.addProperty("took", 0.1);
        o.addProperty("requestId", UUID.randomUUID().toString());
        return o.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
