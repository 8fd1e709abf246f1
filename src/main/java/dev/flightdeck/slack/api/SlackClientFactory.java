package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.audit.AuditConfig;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.scim.SCIMConfig;
import com.slack.api.scim2.SCIM2Config;
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
        stopStaticDefaultsStatistics();
        return config;
    }

    /**
     * The SDK's static default configs (SlackConfig.DEFAULT and each API's DEFAULT_SINGLETON), made when SlackConfig is
     * first loaded, start eight more of those threads: idle, they were 8 of the process's ~45 wake-ups a second. Nothing
     * here uses the defaults (every client is built from the config above); their settings cannot change, but their
     * statistics stores can be told to stop.
     */
    static void stopStaticDefaultsStatistics() {
        SlackConfig defaults = SlackConfig.DEFAULT;
        defaults.getMethodsConfig().getMetricsDatastore().setStatsEnabled(false);
        defaults.getAuditConfig().getMetricsDatastore().setStatsEnabled(false);
        defaults.getSCIMConfig().getMetricsDatastore().setStatsEnabled(false);
        defaults.getSCIM2Config().getMetricsDatastore().setStatsEnabled(false);
        MethodsConfig.DEFAULT_SINGLETON.getMetricsDatastore().setStatsEnabled(false);
        AuditConfig.DEFAULT_SINGLETON.getMetricsDatastore().setStatsEnabled(false);
        SCIMConfig.DEFAULT_SINGLETON.getMetricsDatastore().setStatsEnabled(false);
        SCIM2Config.DEFAULT_SINGLETON.getMetricsDatastore().setStatsEnabled(false);
    }

    @Singleton
    Slack slack(SlackConfig config) {
        return Slack.getInstance(config);
    }
}
