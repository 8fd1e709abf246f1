package dev.flightdeck.slack.edge;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.flightdeck.telemetry.Spans;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.flightdeck.slack.SlackListener;

/**
 * The one Bolt {@link App}, shared by the HTTP edge and Socket Mode. Absent when no bot token is set:
 * the service still starts (pages, health) without Slack.
 */
@Singleton
public class BoltApp {

    private final App app;

    public BoltApp(SlackSettings settings, Slack slack, List<SlackListener> listeners, Spans spans) {
        if (settings.botToken() == null || settings.botToken().isBlank()) {
            this.app = null;
            return;
        }
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                // The HTTP controller has verified the signature (stricter than Bolt's check) before
                // Bolt parses anything; Socket Mode needs no signature.
                .requestVerificationEnabled(false)
                .build();
        // Bolt refreshes its auth.test inside whichever request finds it expired (10 minutes by default): a Slack
        // call in the ack, and under a slow or rate-limiting Slack a burst of them, where a 429 loses that request
        // (Bolt does not retry it). A revoked token shows on our own calls (invalid_auth) and in /health
        // (SlackHealthIndicator) long before a day is out.
        config.setAuthTestCacheExpirationMillis(Duration.ofHours(24).toMillis());
        App built = new App(config);
        built.use(new TraceMiddleware(spans));
        built.use(new SubmittedValueGuard());
        listeners.forEach(listener -> listener.register(built));
        this.app = built;
    }

    public Optional<App> app() {
        return Optional.ofNullable(app);
    }
}
