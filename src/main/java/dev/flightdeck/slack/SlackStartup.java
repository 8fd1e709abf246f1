package dev.flightdeck.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flightdeck.config.ChannelRef;
import dev.flightdeck.config.TeamConfig;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Says at start-up how Slack is reached, or exactly what to set when it is not; starts Socket Mode
 * when SLACK_APP_TOKEN is set (no inbound URL or VPN hole needed then).
 */
@Singleton
public class SlackStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SlackStartup.class);
    private static final long RETRY_SECONDS = 30;

    private final SlackSettings settings;
    private final BoltApp boltApp;
    private final SlackGateway gateway;
    private final TeamConfig team;
    private volatile SocketModeApp socketMode;
    private ScheduledExecutorService retries;

    public SlackStartup(SlackSettings settings, BoltApp boltApp, SlackGateway gateway, TeamConfig team) {
        this.settings = settings;
        this.boltApp = boltApp;
        this.gateway = gateway;
        this.team = team;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.httpModeConfigured() && !settings.socketModeConfigured()) {
            LOG.warn("Slack is not configured; Flightdeck runs without Slack (health and pages only). "
                    + "For HTTP mode set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET and point the Slack app's request URLs "
                    + "at https://<this host>/slack/events. For Socket Mode set SLACK_BOT_TOKEN and SLACK_APP_TOKEN "
                    + "(an app-level token with connections:write). See manifest.yml.");
            return;
        }
        if (settings.httpModeConfigured()) {
            LOG.info("Slack HTTP mode: receiving requests at POST /slack/events; Web API at {}", settings.apiBaseUrl());
        }
        if (settings.socketModeConfigured()) {
            startSocketMode();
        }
        joinTeamChannels();
    }

    /**
     * Joins the channels the team file names, so the first go/no-go is not refused with not_in_channel. The team file
     * is read once at start-up (there is no reload), so this runs once; a post that still finds the bot outside a
     * channel joins it then (SlackGateway.postMessage).
     */
    private void joinTeamChannels() {
        List<String> channels = team.channels().stream().map(ChannelRef::text).toList();
        if (!channels.isEmpty()) {
            LOG.info("Joining the team file's channels: {}", String.join(", ", channels));
            gateway.channels().joinAll(channels);
        }
    }

    private void startSocketMode() {
        App app = boltApp.app().orElseThrow();
        try {
            SocketModeApp started = new SocketModeApp(settings.appToken(), app);
            started.startAsync();
            socketMode = started;
            LOG.info("Slack Socket Mode connected; Web API at {}", settings.apiBaseUrl());
        } catch (Exception e) {
            // A Slack outage at start-up must not stop the service: keep trying in the background.
            LOG.warn("Slack Socket Mode could not connect ({}); retrying in {}s", e.getClass().getSimpleName(), RETRY_SECONDS);
            synchronized (this) {
                if (retries == null) {
                    retries = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "socket-mode-retry");
                        t.setDaemon(true);
                        return t;
                    });
                }
                retries.schedule(this::startSocketMode, RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    public boolean socketModeRunning() {
        return socketMode != null && !socketMode.isClientStopped();
    }

    @PreDestroy
    synchronized void stop() {
        if (retries != null) {
            retries.shutdownNow();
        }
        if (socketMode != null) {
            try {
                socketMode.stop();
            } catch (Exception e) {
                LOG.debug("Socket Mode stop failed", e);
            }
        }
    }
}
