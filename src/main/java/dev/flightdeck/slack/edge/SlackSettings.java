package dev.flightdeck.slack.edge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Slack connection settings, from SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN and SLACK_API_URL.
 * toString never shows a token or the signing secret.
 */
@ConfigurationProperties("slack")
public record SlackSettings(@Nullable String botToken,
                            @Nullable String signingSecret,
                            @Nullable String appToken,
                            @Nullable String apiUrl) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public boolean httpModeConfigured() {
        return present(botToken) && present(signingSecret);
    }

    public boolean socketModeConfigured() {
        return present(botToken) && present(appToken);
    }

    /** Base URL of the Web API, always with the trailing slash the Slack SDK expects. */
    public String apiBaseUrl() {
        String url = present(apiUrl) ? apiUrl.trim() : DEFAULT_API_URL;
        return url.endsWith("/") ? url : url + "/";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=" + (present(botToken) ? "set" : "unset")
                + ", signingSecret=" + (present(signingSecret) ? "set" : "unset")
                + ", appToken=" + (present(appToken) ? "set" : "unset")
                + ", apiUrl=" + apiBaseUrl() + "]";
    }
}
