package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.flightdeck.slack.edge.BoltApp;
import dev.flightdeck.slack.edge.SlackSettings;

/**
 * Slack's state from a cached {@code auth.test}. A health request never waits on Slack: it answers from the
 * last check and starts a fresh one in the background when that is older than a minute.
 * Slack being unreachable is reported but stays "operational": a replica that can't reach Slack should not be
 * taken out of the load balancer (readiness) or restarted (liveness) for it.
 */
@Singleton
public class SlackHealthIndicator implements HealthIndicator {

    public static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final HealthStatus UNREACHABLE = new HealthStatus("UNREACHABLE", "Slack Web API not reachable", true, 1);
    static final HealthStatus NOT_CONFIGURED = new HealthStatus("NOT_CONFIGURED", "Slack settings not set", true, 0);

    private record Check(HealthStatus status, Map<String, Object> details, Instant at) { }

    private final SlackSettings settings;
    private final Slack slack;
    private final SlackGateway gateway;
    private final Clock clock;
    private final SlackStartup startup;
    private final BoltApp boltApp;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Check last;

    public SlackHealthIndicator(SlackSettings settings, Slack slack, Clock clock, SlackGateway gateway,
                                SlackStartup startup, BoltApp boltApp) {
        this.settings = settings;
        this.slack = slack;
        this.gateway = gateway;
        this.clock = clock;
        this.startup = startup;
        this.boltApp = boltApp;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (settings.botToken() == null || settings.botToken().isBlank()) {
            return Publishers.just(HealthResult.builder("slack", NOT_CONFIGURED)
                    .details(Map.of("hint", "set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)")).build());
        }
        Optional<String> broken = boltApp.failure();
        if (broken.isPresent()) {
            // This replica cannot answer Slack at all (a fault of its own, not Slack's): out of the load balancer.
            return Publishers.just(HealthResult.builder("slack", HealthStatus.DOWN).details(Map.of("state", broken.get())).build());
        }
        Optional<String> retrying = boltApp.retrying();
        if (retrying.isPresent()) {
            // Slack refused or could not be reached at start-up: Slack's fault, not this replica's (it stays in).
            return Publishers.just(HealthResult.builder("slack", UNREACHABLE).details(Map.of("state", retrying.get())).build());
        }
        Check check = last;
        if (check == null || Duration.between(check.at(), clock.instant()).compareTo(MAX_AGE) > 0) {
            CompletableFuture<Check> refresh = refresh();
            if (check == null) {
                // First look: wait briefly so the first /health after start-up has a real answer.
                check = refresh.completeOnTimeout(new Check(HealthStatus.UNKNOWN, Map.of("state", "checking"), clock.instant()),
                        2, java.util.concurrent.TimeUnit.SECONDS).join();
            }
        }
        Map<String, Object> details = new LinkedHashMap<>(check.details());
        // Not a failure of this replica (it stays UP): a person must act, and /health is where an operator looks.
        Map<String, String> invite = gateway.channels().mustInvite();
        if (!invite.isEmpty()) {
            details.put("mustInvite", invite);
        }
        // The socket's state is read now, not from the cached check: a team on Socket Mode hears nothing while it is down.
        startup.socketModeState().ifPresent(state -> details.put("socketMode", state));
        return Publishers.just(HealthResult.builder("slack", check.status()).details(details).build());
    }

    private CompletableFuture<Check> refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(last != null ? last
                    : new Check(HealthStatus.UNKNOWN, Map.of("state", "checking"), clock.instant()));
        }
        return CompletableFuture.supplyAsync(this::check).whenComplete((c, e) -> {
            if (c != null) {
                last = c;
            }
            refreshing.set(false);
        });
    }

    private Check check() {
        long started = System.nanoTime();
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        try {
            AuthTestResponse response = slack.methods(settings.botToken()).authTest(r -> r);
            status = response.isOk() ? HealthStatus.UP : UNREACHABLE;
            details.put("state", response.isOk() ? "up" : "error");
            if (response.isOk()) {
                details.put("team", response.getTeam());
            } else {
                details.put("error", response.getError());
            }
        } catch (Exception e) {
            status = UNREACHABLE;
            details.put("state", "unreachable");
            details.put("error", e.getClass().getSimpleName());
        }
        details.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        details.put("checkedAt", clock.instant().toString());
        return new Check(status, details, clock.instant());
    }
}
