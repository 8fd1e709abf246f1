package dev.flightdeck.web;

import java.net.URI;

/**
 * Settings of the manager pages.
 *
 * @param baseUrl     the public address of the service (links from Slack, the Secure flag of the session cookie);
 *                    {@link WebSettingsFactory} makes it {@code http://localhost:<port>} when none is set
 * @param slackSignin Sign in with Slack is configured; when false, a random access link is printed at start-up
 * @param slackTeamId the only workspace (T…) whose members may sign in with Slack
 */
public record WebSettings(String baseUrl, boolean slackSignin, String slackTeamId) {

    /** The base URL without a trailing slash, ready to append a path ({@link WebLinks} builds the pages' links). */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean https() {
        return "https".equalsIgnoreCase(URI.create(base()).getScheme());
    }
}
