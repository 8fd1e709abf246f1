package dev.flightdeck;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's HEALTHCHECK: exits 0 when the liveness URL answers 200, 1 otherwise.
 * A plain class with no framework so it starts in a fraction of a second from the same jar,
 * and the runtime image needs no curl.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/health/liveness";
        System.exit(probe(url, 3000) ? 0 : 1);
    }

    static boolean probe(String url, int timeoutMillis) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (Exception e) {
            return false;
        }
    }
}
