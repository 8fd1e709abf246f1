package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LaunchDarkly's REST API for feature flags, on 127.0.0.1, as strict as LaunchDarkly where Flightdeck could get it
 * wrong (https://launchdarkly.com/docs/api/feature-flags/get-feature-flag and …/update-feature-flag):
 * {@code GET /api/v2/flags/{projectKey}/{featureFlagKey}} (optionally {@code ?env=} to filter environments) and
 * {@code PATCH} of the same path with a semantic patch: {@code Content-Type: application/json;
 * domain-model=launchdarkly.semanticpatch}, a body {@code {"environmentKey", "comment", "instructions": [{"kind":
 * "turnFlagOn"|"turnFlagOff"}]}}. The access token is the bare {@code Authorization} header (no "Bearer"). Errors are
 * LaunchDarkly's shape {@code {"code": …, "message": …}}: 401 unauthorized, 404 not_found, 400 invalid_request, 429
 * rate_limited with {@code X-Ratelimit-Reset} (epoch milliseconds). Every request is recorded; faults can be queued.
 */
public final class FakeLaunchDarkly implements AutoCloseable {

    /** A request as it arrived: method, path with query, the Authorization and Content-Type headers, the body. */
    public record Request(String method, String path, String authorization, String contentType, String body, int status) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private record Fault(int status, String code, String message, Map<String, String> headers) {
    }

    private static final class Flag {
        final String name;
        final List<Object> variations;
        final Map<String, Boolean> on = new LinkedHashMap<>();
        final Map<String, Long> modified = new LinkedHashMap<>();
        int version = 1;

        Flag(String name, List<Object> variations) {
            this.name = name;
            this.variations = variations;
        }
    }

    private final String token;
    private final HttpServer server;
    private final Map<String, Flag> flags = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();

    public FakeLaunchDarkly(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The base URL (FLIGHTDECK_LAUNCHDARKLY_API_URL). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A boolean flag with variations true and false, on or off per environment key. */
    public void flag(String project, String key, String name, Map<String, Boolean> environments) {
        Flag f = new Flag(name, List.of(true, false));
        environments.forEach((env, on) -> {
            f.on.put(env, on);
            f.modified.put(env, 1_700_000_000_000L);
        });
        flags.put(project + "/" + key, f);
    }

    public boolean isOn(String project, String key, String environment) {
        return flags.get(project + "/" + key).on.get(environment);
    }

    /** The next request gets this answer instead (a rate limit, an outage). */
    public synchronized void failNext(int status, String code, String message, Map<String, String> headers) {
        faults.add(new Fault(status, code, message, headers));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> patches(String project, String key) {
        return requests().stream().filter(r -> r.method().equals("PATCH")
                && r.path().equals("/api/v2/flags/" + project + "/" + key)).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        URI uri = x.getRequestURI();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String type = x.getRequestHeaders().getFirst("Content-Type");
        int status;
        String answer;
        Map<String, String> headers = Map.of();
        Fault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        String[] parts = uri.getPath().split("/");
        if (fault != null) {
            status = fault.status();
            answer = error(fault.code(), fault.message());
            headers = fault.headers();
        } else if (auth == null || !auth.equals(token)) {
            // LaunchDarkly takes the token as the whole header; "Bearer <token>" is refused like a wrong one.
            status = 401;
            answer = error("unauthorized", "Invalid access token");
        } else if (parts.length != 6 || !uri.getPath().startsWith("/api/v2/flags/")) {
            status = 404;
            answer = error("not_found", "Unknown resource");
        } else {
            Flag flag = flags.get(parts[4] + "/" + parts[5]);
            if (flag == null) {
                status = 404;
                answer = error("not_found", "Unknown resource");
            } else if (method.equals("GET")) {
                status = 200;
                answer = render(parts[5], flag, envFilter(uri.getRawQuery())).toString();
            } else if (method.equals("PATCH")) {
                String problem = patchProblem(type, body, flag);
                if (problem != null) {
                    status = 400;
                    answer = error("invalid_request", problem);
                } else {
                    JsonObject patch = JsonParser.parseString(body).getAsJsonObject();
                    String env = patch.get("environmentKey").getAsString();
                    synchronized (flag) {
                        for (JsonElement i : patch.getAsJsonArray("instructions")) {
                            flag.on.put(env, i.getAsJsonObject().get("kind").getAsString().equals("turnFlagOn"));
                        }
                        flag.modified.put(env, System.currentTimeMillis());
                        flag.version++;
                    }
                    status = 200;
                    answer = render(parts[5], flag, Set.of()).toString();
                }
            } else {
                status = 405;
                answer = error("method_not_allowed", "Method not allowed");
            }
        }
        synchronized (this) {
            requests.add(new Request(method, uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    auth, type, body, status));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    /** What LaunchDarkly refuses in a semantic patch; null when it is acceptable. */
    private static String patchProblem(String type, String body, Flag flag) {
        if (type == null || !type.replace(" ", "").startsWith("application/json;domain-model=launchdarkly.semanticpatch")) {
            return "Content-Type must be application/json; domain-model=launchdarkly.semanticpatch for instructions";
        }
        JsonObject patch;
        try {
            patch = JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            return "Invalid JSON body";
        }
        if (!patch.has("instructions") || !patch.get("instructions").isJsonArray()
                || patch.getAsJsonArray("instructions").isEmpty()) {
            return "instructions is required";
        }
        if (!patch.has("environmentKey") || !patch.get("environmentKey").isJsonPrimitive()) {
            return "environmentKey is required for turnFlagOn and turnFlagOff";
        }
        if (!flag.on.containsKey(patch.get("environmentKey").getAsString())) {
            return "Unknown environment key " + patch.get("environmentKey").getAsString();
        }
        if (patch.has("comment") && !patch.get("comment").isJsonPrimitive()) {
            return "comment must be a string";
        }
        for (JsonElement i : patch.getAsJsonArray("instructions")) {
            String kind = i.isJsonObject() && i.getAsJsonObject().has("kind")
                    ? i.getAsJsonObject().get("kind").getAsString() : "";
            if (!kind.equals("turnFlagOn") && !kind.equals("turnFlagOff")) {
                return "Unknown instruction kind: " + kind;
            }
        }
        return null;
    }

    private static Set<String> envFilter(String query) {
        Set<String> envs = new java.util.HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("env=")) {
                    envs.add(URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8));
                }
            }
        }
        return envs;
    }

    /** The flag as LaunchDarkly returns it (the fields Flightdeck reads, and a few it does not). */
    private static JsonObject render(String key, Flag flag, Set<String> only) {
        JsonObject o = new JsonObject();
        o.addProperty("key", key);
        o.addProperty("name", flag.name);
        o.addProperty("kind", "boolean");
        o.addProperty("_version", flag.version);
        o.addProperty("temporary", true);
        JsonArray variations = new JsonArray();
        for (int i = 0; i < flag.variations.size(); i++) {
            JsonObject v = new JsonObject();
            v.addProperty("_id", "e432f62b-55f6-49dd-a02f-eb24acf39d0" + i);
            v.addProperty("value", (Boolean) flag.variations.get(i));
            variations.add(v);
        }
        o.add("variations", variations);
        JsonObject envs = new JsonObject();
        flag.on.forEach((env, on) -> {
            if (!only.isEmpty() && !only.contains(env)) {
                return;
            }
            JsonObject e = new JsonObject();
            e.addProperty("on", on);
            e.addProperty("archived", false);
            e.addProperty("_lastModified", flag.modified.get(env));
            e.addProperty("_version", flag.version);
            JsonObject fallthrough = new JsonObject();
            fallthrough.addProperty("variation", 0);
            e.add("fallthrough", fallthrough);
            e.addProperty("offVariation", 1);
            e.add("targets", new JsonArray());
            e.add("rules", new JsonArray());
            envs.add(env, e);
        });
        o.add("environments", envs);
        return o;
    }

    private static String error(String code, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("message", message);
        return o.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
