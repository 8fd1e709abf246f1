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

    private final CompletableFuture<Optional<App>> app;
    private final Duration wait;

    @Inject
    public BoltApp(SlackSettings settings, Slack slack, BeanProvider<SlackListener> listeners, Spans spans,
                   @Value("${flightdeck.slack.app-wait:10s}") Duration wait) {
        this(settings, slack, () -> ordered(listeners), spans, wait);
    }

    BoltApp(SlackSettings settings, Slack slack, Supplier<List<SlackListener>> listeners, Spans spans, Duration wait) {
        this.wait = wait;
        if (settings.botToken() == null || settings.botToken().isBlank()) {
            this.app = CompletableFuture.completedFuture(Optional.empty());
            return;
        }
        long started = System.nanoTime();
        this.app = CompletableFuture.supplyAsync(() -> Optional.of(build(settings, slack, listeners.get(), spans)), task -> {
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
        App built = new App(config);
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
            throw new NotReady("the Slack app is still starting", e);
        } catch (ExecutionException e) {
            throw new NotReady("the Slack app failed to start (see the log)", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("interrupted while the Slack app was starting", e);
        }
    }

    /** Why Slack requests cannot be answered, when the build failed; empty while building or once built. */
    public Optional<String> failure() {
        return app.isCompletedExceptionally() ? Optional.of("the Slack app failed to start (see the log)") : Optional.empty();
    }
}
