package dev.flightdeck.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire side of FakeSlack: reading form/JSON bodies and writing Slack-style answers. */
final class FakeSlackHttp {
    private FakeSlackHttp() {}

    /** What a request carried: params from the query string and the body (JSON top-level fields flattened). */
    record Parsed(Map<String, String> params, String rawBody, String contentType, JsonObject json, String bearer) {}

    static Parsed read(HttpExchange exchange) throws IOException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> params = new LinkedHashMap<>(parseForm(exchange.getRequestURI().getRawQuery()));
        JsonObject json = null;
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("application/json")) {
            JsonElement parsed = FakeJson.parseOrNull(raw);
            if (parsed != null && parsed.isJsonObject()) {
                json = parsed.getAsJsonObject();
                json.entrySet().forEach(e -> params.put(e.getKey(), FakeJson.asParam(e.getValue())));
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            params.putAll(parseForm(raw));
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        return new Parsed(Map.copyOf(params), raw, contentType, json, bearer);
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    static void write(HttpExchange exchange, int status, JsonObject body, Map<String, String> headers) throws IOException {
        byte[] bytes = FakeJson.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
