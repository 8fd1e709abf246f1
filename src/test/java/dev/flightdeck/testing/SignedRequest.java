package dev.flightdeck.testing;

import com.google.gson.JsonElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request as Slack would send it to {@code POST /slack/events}, already signed. Build with {@link SignedRequests}. */
public record SignedRequest(String body, String contentType, Map<String, String> headers) {
    public static final String SIGNATURE = "X-Slack-Signature";
    public static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the app answered. */
    public record Reply(int status, String body, Map<String, List<String>> headers) {
        public JsonElement json() { return FakeJson.parseOrNull(body); }
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** The same headers over a changed body (still parseable), so the signature no longer matches. */
    public SignedRequest tampered() {
        String changed = contentType.startsWith("application/json") ? "{ " + body.substring(1) : body + "&tampered=true";
        return withBody(changed);
    }

    public SignedRequest withBody(String newBody) { return new SignedRequest(newBody, contentType, headers); }

    /** No signature and no timestamp headers: an unsigned request. */
    public SignedRequest withoutSignature() {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.remove(SIGNATURE);
        h.remove(TIMESTAMP);
        return new SignedRequest(body, contentType, Map.copyOf(h));
    }

    public SignedRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SignedRequest(body, contentType, Map.copyOf(h));
    }

    /** {@code base} is the app's root (e.g. http://localhost:8080) or the full events URL. */
    public HttpRequest toHttpRequest(URI base) {
        String path = base.getPath();
        URI target = path == null || path.isEmpty() || path.equals("/") ? base.resolve("/slack/events") : base;
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return b.build();
    }

    public Reply send(URI base) {
        try {
            HttpResponse<String> r = HTTP.send(toHttpRequest(base), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("could not send to " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
