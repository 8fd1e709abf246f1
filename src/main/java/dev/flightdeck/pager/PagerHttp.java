package dev.flightdeck.pager;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.flightdeck.incident.paging.Pager;
import dev.flightdeck.text.SecretMask;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HTTP to PagerDuty and Opsgenie, and what their answers mean for a page. Base URLs come from settings only
 * ({@code flightdeck.paging.*}); redirects are never followed (a redirect could carry the key to another host) and
 * every call has a deadline, so a hung pager holds no sender pass for long.
 */
@Singleton
public class PagerHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Duration timeout;

    public PagerHttp(@Value("${flightdeck.paging.http-timeout:10s}") Duration timeout) {
        this.timeout = timeout;
    }

    /** The answer, or empty when there was none (refused connection, deadline). */
    Optional<HttpResponse<String>> send(HttpRequest.Builder request) {
        try {
            return Optional.of(client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static URI uri(String base, String path) {
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    /**
     * A pager's answer to one event: 2xx taken; 429 and 5xx (and no answer) worth another try; any other 4xx will
     * not pass as it is. The vendor's own words are kept (clipped, with the key masked should they quote it).
     */
    static Pager.Delivery delivery(String vendor, Optional<HttpResponse<String>> answer, String key) {
        if (answer.isEmpty()) {
            return new Pager.Delivery.TryAgain(vendor + " did not answer");
        }
        int status = answer.get().statusCode();
        if (status / 100 == 2) {
            return new Pager.Delivery.Accepted();
        }
        String said = words(answer.get().body(), key);
        String reason = vendor + " answered HTTP " + status + (said.isEmpty() ? "" : ": " + said);
        if (status == 429 || status / 100 == 5) {
            return new Pager.Delivery.TryAgain(reason);
        }
        return new Pager.Delivery.Refused(reason + hint(vendor, status));
    }

    private static String hint(String vendor, int status) {
        if (status == 401 || status == 403) {
            return " (check the key the team file names for it)";
        }
        return vendor.equals("PagerDuty") && status == 400 ? " (check the routing key the team file names)" : "";
    }

    /** The message and errors of a JSON error body (PagerDuty's and Opsgenie's shapes), else nothing. */
    static String words(String body, String key) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonElement json = JsonParser.parseString(body);
            if (!json.isJsonObject()) {
                return "";
            }
            var o = json.getAsJsonObject();
            StringBuilder out = new StringBuilder();
            var error = o.has("error") && o.get("error").isJsonObject() ? o.getAsJsonObject("error") : o;
            if (error.has("message") && error.get("message").isJsonPrimitive()) {
                out.append(error.get("message").getAsString());
            }
            if (o.has("errors") && o.get("errors").isJsonArray()) {
                o.getAsJsonArray("errors").forEach(e -> {
                    if (e.isJsonPrimitive()) {
                        out.append(out.isEmpty() ? "" : "; ").append(e.getAsString());
                    }
                });
            }
            String masked = key == null ? out.toString() : SecretMask.mask(out.toString(), List.of(key));
            return masked.length() > 300 ? masked.substring(0, 299) + "…" : masked;
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
