package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flagsmith's Admin API for feature states, on 127.0.0.1, as strict as Flagsmith (Django REST framework) where
 * Flightdeck could get it wrong: {@code GET /api/v1/environments/{environment_api_key}/featurestates/?feature_name=…}
 * (a page {@code {"count", "next", "previous", "results"}}, the environment's default state and any segment override)
 * and {@code PATCH /api/v1/environments/{environment_api_key}/featurestates/{id}/} with a JSON object whose
 * {@code enabled} is a boolean. The organisation token goes as {@code Authorization: Token <token>}. Errors in DRF's
 * shape: 401 {@code {"detail": "Invalid token."}}, 404 {@code {"detail": "Not found."}}, 400 field errors, 415 for a
 * body that is not JSON. Every request is recorded.
 */
public final class FakeFlagsmith implements AutoCloseable {

    public record Request(String method, String path, String authorization, String contentType, String body, int status) {
    }

    private static final class State {
        final long id;
        final long feature;
        final String name;
        boolean enabled;
        final String value;
        final Long segment;
        String updatedAt = "2026-11-30T09:15:00.000000Z";

        State(long id, long feature, String name, boolean enabled, String value, Long segment) {
            this.id = id;
            this.feature = feature;
            this.name = name;
            this.enabled = enabled;
            this.value = value;
            this.segment = segment;
        }
    }

    private final String token;
    private final HttpServer server;
    private final Map<String, List<State>> environments = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    public FakeFlagsmith(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL with {@code /api/v1/} (FLIGHTDECK_FLAGSMITH_API_URL). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/";
    }

    /** A feature in an environment (by its environment key): its default state, and a segment override that is on. */
    public synchronized void feature(String environmentKey, String name, boolean enabled, String value) {
        long feature = ids.incrementAndGet();
        List<State> states = environments.computeIfAbsent(environmentKey, k -> new ArrayList<>());
        states.add(new State(ids.incrementAndGet(), feature, name, true, value, 77L));
        states.add(new State(ids.incrementAndGet(), feature, name, enabled, value, null));
    }

    public synchronized boolean isEnabled(String environmentKey, String name) {
        return environments.get(environmentKey).stream().filter(s -> s.name.equals(name) && s.segment == null)
                .findFirst().orElseThrow().enabled;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange x) throws IOException {
        URI uri = x.getRequestURI();
        String method = x.getRequestMethod();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String type = x.getRequestHeaders().getFirst("Content-Type");
        int status;
        String answer;
        synchronized (this) {
            String[] parts = uri.getPath().split("/");
            // "", api, v1, environments, {key}, featurestates[, {id}]
            if (auth == null) {
                status = 401;
                answer = detail("Authentication credentials were not provided.");
            } else if (!auth.equals("Token " + token)) {
                status = 401;
                answer = detail("Invalid token.");
            } else if (parts.length < 6 || !parts[1].equals("api") || !parts[2].equals("v1")
                    || !parts[3].equals("environments") || !parts[5].equals("featurestates")
                    || !uri.getPath().endsWith("/") || !environments.containsKey(parts[4])) {
                status = 404;
                answer = detail("Not found.");
            } else if (parts.length == 6 && method.equals("GET")) {
                String name = query(uri.getRawQuery(), "feature_name");
                JsonArray results = new JsonArray();
                for (State s : environments.get(parts[4])) {
                    if (name == null || s.name.equals(name)) {
                        results.add(render(s));
                    }
                }
                JsonObject page = new JsonObject();
                page.addProperty("count", results.size());
                page.add("next", JsonNull.INSTANCE);
                page.add("previous", JsonNull.INSTANCE);
                page.add("results", results);
                status = 200;
                answer = page.toString();
            } else if (parts.length == 7 && (method.equals("PATCH") || method.equals("PUT"))) {
                State s = environments.get(parts[4]).stream().filter(st -> String.valueOf(st.id).equals(parts[6]))
                        .findFirst().orElse(null);
                if (s == null) {
                    status = 404;
                    answer = detail("Not found.");
                } else if (type == null || !type.startsWith("application/json")) {
                    status = 415;
                    answer = detail("Unsupported media type \"" + type + "\" in request.");
                } else {
                    JsonElement json;
                    try {
                        json = JsonParser.parseString(body);
                    } catch (RuntimeException e) {
                        json = null;
                    }
                    if (json == null || !json.isJsonObject() || !json.getAsJsonObject().has("enabled")
                            || !json.getAsJsonObject().get("enabled").isJsonPrimitive()
                            || !json.getAsJsonObject().get("enabled").getAsJsonPrimitive().isBoolean()) {
                        status = 400;
                        answer = "{\"enabled\":[\"Must be a valid boolean.\"]}";
                    } else {
                        s.enabled = json.getAsJsonObject().get("enabled").getAsBoolean();
                        s.updatedAt = java.time.Instant.now().toString();
                        status = 200;
                        answer = render(s).toString();
                    }
                }
            } else {
                status = 405;
                answer = detail("Method \"" + method + "\" not allowed.");
            }
            requests.add(new Request(method, uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    auth, type, body, status));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static JsonObject render(State s) {
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id);
        o.addProperty("uuid", "9b0b2d1c-0000-4000-8000-00000000" + s.id);
        o.addProperty("enabled", s.enabled);
        if (s.value == null) {
            o.add("feature_state_value", JsonNull.INSTANCE);
        } else {
            o.addProperty("feature_state_value", s.value);
        }
        o.add("multivariate_feature_state_values", new JsonArray());
        o.add("identity", JsonNull.INSTANCE);
        if (s.segment == null) {
            o.add("feature_segment", JsonNull.INSTANCE);
        } else {
            o.addProperty("feature_segment", s.segment);
        }
        o.addProperty("feature", s.feature);
        o.addProperty("environment", 12);
        o.addProperty("created_at", "2026-11-01T10:00:00.000000Z");
        o.addProperty("updated_at", s.updatedAt);
        o.add("change_request", JsonNull.INSTANCE);
        return o;
    }

    private static String query(String raw, String name) {
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String detail(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("detail", text);
        return o.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
