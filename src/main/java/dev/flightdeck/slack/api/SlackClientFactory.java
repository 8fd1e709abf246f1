package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import dev.flightdeck.slack.edge.SlackSettings;

/** One Slack SDK instance for the process, pointed at SLACK_API_URL. */
@Factory
public class SlackClientFactory {
    @Singleton
    SlackConfig slackConfig(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
        // Retries are the SlackGateway's job (it knows which calls are safe to repeat).
        config.setPrettyResponseLoggingEnabled(false);
        // The SDK's own call statistics are read by nothing here (Micrometer counts the calls); each collecting config
        // keeps a thread that wakes every second. SlackConfig passes the switch on to all but SCIM 2's, whose
        // statistics store stops its thread only when told itself.
        config.setStatsEnabled(false);
        config.getSCIM2Config().setStatsEnabled(false);
        config.getSCIM2Config().getMetricsDatastore().setStatsEnabled(false);
        return config;
    }

    @Singleton
    Slack slack(SlackConfig config) {
        return Slack.getInstance(config);
    }
}
