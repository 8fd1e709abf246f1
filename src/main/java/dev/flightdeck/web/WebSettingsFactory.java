package dev.flightdeck.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Reads {@code flightdeck.web.*}. Without FLIGHTDECK_BASE_URL a local run is reached at localhost on the port the
 * server was told to use (MICRONAUT_SERVER_PORT), not at a fixed 8080 that may be another program.
 */
@Factory
public class WebSettingsFactory {

    static final int DEFAULT_PORT = 8080;

    @Singleton
    WebSettings webSettings(@Value("${flightdeck.web.base-url:}") String baseUrl,
                            @Value("${flightdeck.web.slack-signin:false}") boolean slackSignin,
                            @Value("${flightdeck.web.slack-team-id:}") String slackTeamId,
                            @Value("${micronaut.server.port:8080}") int port) {
        return new WebSettings(baseUrl.isBlank() ? localBase(port) : baseUrl.trim(), slackSignin, slackTeamId);
    }

    /** A random port (-1, tests) is not known before the server binds; {@link dev.flightdeck.web.signin.AccessLink} uses the bound one. */
    public static String localBase(int port) {
        return "http://localhost:" + (port > 0 ? port : DEFAULT_PORT);
    }
}
