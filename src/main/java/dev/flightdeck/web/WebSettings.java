package dev.flightdeck.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;

/**
 * Settings of the manager pages.
 *
 * @param baseUrl     the public address of the service (links from Slack, the Secure flag of the session cookie)
 * @param slackSignin Sign in with Slack is configured; when false, a random access link is printed at start-up
 * @param slackTeamId the only workspace (T…) whose members may sign in with Slack
 */
@ConfigurationProperties("flightdeck.web")
public record WebSettings(@Bindable(defaultValue = "http://localhost:8080") String baseUrl,
                          @Bindable(defaultValue = "false") boolean slackSignin,
                          @Bindable(defaultValue = "") String slackTeamId) {

    /** The base URL without a trailing slash, ready to append "/incidents/…". */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean https() {
        return "https".equalsIgnoreCase(URI.create(base()).getScheme());
    }

    public String incidentUrl(long number) {
        return base() + "/incidents/" + number;
    }

    public String deployUrl(long id) {
        return base() + "/deploys/" + id;
    }
}
