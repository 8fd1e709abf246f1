package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.TeamConfig;

import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.flightdeck.slack.edge.BoltApp;
import dev.flightdeck.slack.edge.SlackSettings;

/**
 * Says at start-up how Slack is reached, or exactly what to set when it is not; starts Socket Mode
 * when SLACK_APP_TOKEN is set (no inbound URL or VPN hole needed then). When the socket cannot be opened it says
 * why, in the log and in /health (the SDK's own message, "The wss URL for using Socket Mode is absent", names
 * neither the token nor the fix), and keeps trying every {@code flightdeck.slack.socket-retry} (default 30s).
 * Once open, Bolt's client reconnects by itself when the socket drops or Slack asks it to refresh.
 */
@Singleton
public class SlackStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SlackStartup.class);

    private final SlackSettings settings;
    private final BoltApp boltApp;
    private final SlackGateway gateway;
    private final TeamConfig team;
    private final Slack slack;
    private final Duration retry;
    private volatile SocketModeApp socketMode;
    private volatile CompletableFuture<Void> channelsJoined = CompletableFuture.completedFuture(null);
    private volatile String socketProblem;
    private ScheduledExecutorService retries;

    public SlackStartup(SlackSettings settings, BoltApp boltApp, SlackGateway gateway, TeamConfig team, Slack slack,
                        @Value("${flightdeck.slack.socket-retry:30s}") Duration retry) {
        this.settings = settings;
        this.boltApp = boltApp;
        this.gateway = gateway;
        this.team = team;
        this.slack = slack;
        this.retry = retry;
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
            channelsJoined = gateway.channels().joinAll(channels);
        }
    }

    /** Done when the start-up joins have ended (joined or not: each outcome is logged); it never fails. */
    public CompletableFuture<Void> channelsJoined() {
        return channelsJoined;
    }

    /**
     * Waits for the Bolt app (built off the main thread; at most {@code flightdeck.slack.app-wait}), then opens the
     * socket. In Socket Mode nothing reaches Flightdeck before the socket is open, so start-up gains nothing by not
     * waiting here; a build still under way or failed is retried like a refused socket.
     */
    private void startSocketMode() {
        try {
            App app = boltApp.app().orElseThrow();
            SocketModeApp started = new SocketModeApp(settings.appToken(), app);
            started.startAsync();
            socketMode = started;
            socketProblem = null;
            LOG.info("Slack Socket Mode connected; Web API at {}", settings.apiBaseUrl());
        } catch (Exception e) {
            // A Slack outage at start-up must not stop the service: keep trying in the background.
            socketProblem = e instanceof BoltApp.NotReady ? e.getMessage() : diagnose(e);
            LOG.warn("Slack Socket Mode could not connect: {}. Retrying in {}s", socketProblem, retry.toSeconds());
            synchronized (this) {
                if (retries == null) {
                    retries = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "socket-mode-retry");
                        t.setDaemon(true);
                        return t;
                    });
                }
                retries.schedule(this::startSocketMode, retry.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    public boolean socketModeRunning() {
        return socketMode != null && !socketMode.isClientStopped();
    }

    /** For /health: "connected", or why the socket is not open. Empty when Socket Mode is not configured. */
    public java.util.Optional<String> socketModeState() {
        if (!settings.socketModeConfigured()) {
            return java.util.Optional.empty();
        }
        String problem = socketProblem;
        return java.util.Optional.of(socketModeRunning() ? "connected" : "not connected: " + (problem == null ? "starting" : problem));
    }

    /**
     * Asks apps.connections.open once more to learn Slack's error code, and says what it means for SLACK_APP_TOKEN.
     * Never names the token itself.
     */
    private String diagnose(Exception failure) {
        String error;
        try {
            AppsConnectionsOpenResponse r = slack.methods(settings.appToken()).appsConnectionsOpen(q -> q);
            error = r.isOk() ? null : r.getError();
        } catch (Exception e) {
            return "Slack could not be reached (" + e.getClass().getSimpleName() + ") at " + settings.apiBaseUrl();
        }
        if (error == null) {
            return "the connection failed (" + failure.getClass().getSimpleName() + ")";
        }
        return "apps.connections.open answered " + error + ": " + switch (error) {
            case "not_allowed_token_type" -> "SLACK_APP_TOKEN must be an app-level token (xapp-...), not the bot token";
            case "missing_scope" -> "the app-level token in SLACK_APP_TOKEN needs the connections:write scope";
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
                    "SLACK_APP_TOKEN is not a valid app-level token; make one under Basic Information, App-Level Tokens, "
                            + "with the connections:write scope";
            default -> "see https://api.slack.com/methods/apps.connections.open";
        };
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
