package dev.flightdeck.alerts;

import dev.flightdeck.alarms.AlertsApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Deliveries to the alerts test app's {@code /hooks/alerts/{source}}, as the monitors send them. */
final class AlertsHooks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertsHooks() {
    }

    /** A delivery with {@code Authorization: Bearer <token>}, or none when {@code token} is null. */
    static HttpResponse<String> post(AlertsApp app, String source, String body, String token) {
        return post(app, source, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    static HttpResponse<String> post(AlertsApp app, String source, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.server.getURI() + "/hooks/alerts/" + source))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
