package dev.flightdeck.slack.edge;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.flightdeck.telemetry.Spans;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.OrderUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import dev.flightdeck.slack.SlackListener;

/**
 * The one Bolt {@link App}, shared by the HTTP edge and Socket Mode. Absent when no bot token is set:
 * the service still starts (pages, health) without Slack.
 * <p>
 * Built on a thread of its own, started first thing with the context ({@code @Context}, highest order): the
 * listeners (the whole command graph: services, stores) are made there, and Bolt's {@code App} calls Slack's
 * {@code auth.test} while it is built (a network round trip, plus loading the Slack client); the context and the HTTP
 * server start alongside. The first request waits for it, at most {@code flightdeck.slack.app-wait} (10s); past
 * that, or when the build failed, the caller gets {@link NotReady} and the edge answers 503 saying so (and /health
 * says DOWN, see SlackHealthIndicator).
 */
@Singleton
@Context
@Order(Integer.MIN_VALUE)
public class BoltApp {

    private static final Logger LOG = LoggerFactory.getLogger(BoltApp.class);

    /** The app is still being built (past the wait), or its build failed; the message says which. */
    public static final class NotReady extends RuntimeException {
        NotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The first wait before building again after Slack's auth.test failed; doubled each time up to {@link #LAST_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofMinutes(1);

    private final CompletableFuture<Optional<App>> app;
    private final Duration wait;
    private final Duration firstRetry;
    /** Why the last build attempt failed, while the build is retried; null once built or before any failure. */
    private volatile String retrying;

    @Inject
    public BoltApp(SlackSettings settings, Slack slack, BeanProvider<SlackListener> listeners, Spans spans,
                   @Value("${flightdeck.slack.app-wait:10s}") Duration wait) {
        this(settings, slack, () -> ordered(listeners), spans, wait);
    }

    BoltApp(SlackSettings settings, Slack slack, Supplier<List<SlackListener>> listeners, Spans spans, Duration wait) {
        this(settings, slack, listeners, spans, wait, FIRST_RETRY);
    }

    BoltApp(SlackSettings settings, Slack slack, Supplier<List<SlackListener>> listeners, Spans spans, Duration wait,
            Duration firstRetry) {
        this.wait = wait;
        this.firstRetry = firstRetry;
        if (settings.botToken() == null || settings.botToken().isBlank()) {
            this.app = CompletableFuture.completedFuture(Optional.empty());
            return;
        }
        long started = System.nanoTime();
        this.app = CompletableFuture.supplyAsync(() -> Optional.of(buildRetrying(settings, slack, listeners.get(), spans)), task -> {
            Thread thread = new Thread(task, "bolt-app-start");
            thread.setDaemon(true);
            thread.start();
        });
        app.whenComplete((built, failure) -> {
            if (failure == null) {
                LOG.info("Slack app ready in {} ms", (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.error("The Bolt app could not be built: every Slack request is answered 503 until a restart", failure);
            }
        });
    }

    /** Every listener, in the order a {@code List<SlackListener>} injection would give them. */
    private static List<SlackListener> ordered(BeanProvider<SlackListener> listeners) {
        List<SlackListener> all = new ArrayList<>(listeners.stream().toList());
        OrderUtil.sort(all);
        return all;
    }

    /**
     * Builds the app, again and again with backoff while Slack's auth.test fails (Bolt makes it on the first
     * {@code use} and turns any failure, a 429 or Slack unreachable as much as a bad token, into an
     * IllegalArgumentException "The token is invalid ..."): a Slack outage at start-up must not leave the service
     * answering 503 until someone restarts it. Any other failure (a listener that cannot register) is a bug: no retry.
     */
    private App buildRetrying(SlackSettings settings, Slack slack, List<SlackListener> listeners, Spans spans) {
        Duration backoff = firstRetry;
        while (true) {
            try {
                App built = build(settings, slack, listeners, spans);
                retrying = null;
                return built;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("The token is invalid")) {
                    throw e;
                }
                retrying = e.getMessage();
                LOG.warn("The Slack app could not check its token with Slack ({}); building it again in {}", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
            }
        }
    }

    private static App build(SlackSettings settings, Slack slack, List<SlackListener> listeners, Spans spans) {
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
        App built = new FreshAuthApp(config);
        built.use(new TraceMiddleware(spans));
        built.use(new SubmittedValueGuard());
        listeners.forEach(listener -> listener.register(built));
        return built;
    }

    /**
     * The app, waiting for its build at most {@code flightdeck.slack.app-wait}; empty when Slack is not configured.
     *
     * @throws NotReady when it is still being built after the wait, or its build failed
     */
    public Optional<App> app() {
        try {
            return app.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String reason = retrying;
            throw new NotReady(reason == null ? "the Slack app is still starting"
                    : "the Slack app is still starting (Slack's auth.test failed; retrying)", e);
        } catch (ExecutionException e) {
            throw new NotReady("the Slack app failed to start (see the log)", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("interrupted while the Slack app was starting", e);
        }
    }

    /** Why Slack requests cannot be answered when the build failed for good (a listener that cannot register). */
    public Optional<String> failure() {
        return app.isCompletedExceptionally() ? Optional.of("the Slack app failed to start (see the log)") : Optional.empty();
    }

    /** While Slack's auth.test keeps failing at start-up (Slack unreachable or refusing): why, as the build is retried. */
    public Optional<String> retrying() {
        String reason = retrying;
        return reason == null ? Optional.empty() : Optional.of("the Slack app cannot check its token with Slack yet (" + reason + "); retrying");
    }
}
