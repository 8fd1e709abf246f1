package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.flightdeck.telemetry.Spans;
import io.opentelemetry.api.trace.SpanKind;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.flightdeck.slack.edge.SlackSettings;

/**
 * The one way Flightdeck calls the Slack Web API. Calls run on the gateway's own threads (never the
 * caller's), so a handler can fire them after ack. Retries:
 * <ul>
 *   <li>HTTP 429 (or ok:false "ratelimited"): wait Retry-After, then retry. Slack did not process the
 *       call, so this never duplicates a message.</li>
 *   <li>HTTP 5xx and I/O errors: exponential backoff with jitter. Slack may have processed the call
 *       before failing (a chat.postMessage can land twice); Slack's guidance is to retry, and we accept
 *       a rare duplicate over a lost deploy or incident message.</li>
 *   <li>Any other ok:false (name_taken, not_in_channel, ...) completes normally with the response:
 *       the caller decides. Other HTTP statuses fail at once.</li>
 * </ul>
 * When tries run out the future fails with {@link SlackCallFailed}, logged once at WARN.
 */
@Singleton
public class SlackGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackGateway.class);
    /**
     * Calls in flight at most (config {@code slack.gateway.threads}): each call holds a thread until Slack answers, so
     * with Slack answering in 150 ms, 4 threads passed at most ~26 calls a second and 20 incident declarations a
     * second (8 calls each) queued for tens of seconds (bench/run.sh's slow-Slack part, docs/PERFORMANCE.md round 7).
     * The threads are made when calls wait and end after 30 s idle, so a quiet service keeps none.
     */
    static final int THREADS = 32;
    private static final long IDLE_SECONDS = 30;

    private final MethodsClient client;
    private final RetryPolicy policy;
    /** Retries wait here (one thread) for their Retry-After or backoff, then go to {@link #calls}. */
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor calls;
    private final Spans spans;
    private final Map<CompletableFuture<?>, String> inFlight = new ConcurrentHashMap<>();

    private final MeterRegistry meters;
    private final ChannelJoins channels = new ChannelJoins(this);

    public SlackGateway(Slack slack, SlackSettings settings, RetryPolicy policy) {
        this(slack, settings, policy, new SimpleMeterRegistry());
    }

    public SlackGateway(Slack slack, SlackSettings settings, RetryPolicy policy, MeterRegistry meters) {
        this(slack, settings, policy, meters, Spans.noop(), THREADS);
    }

    @Inject
    public SlackGateway(Slack slack, SlackSettings settings, RetryPolicy policy, MeterRegistry meters, Spans spans,
                        @Value("${slack.gateway.threads:" + THREADS + "}") int threads) {
        this.meters = meters;
        this.spans = spans;
        String token = settings.botToken();
        this.client = token == null || token.isBlank() ? null : SharedJsonMethodsClient.of(slack, token);
        this.policy = policy;
        AtomicInteger n = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(Math.max(1, threads), Math.max(1, threads), IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "slack-gateway-" + n.incrementAndGet()));
        calls.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "slack-gateway-timer"));
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Runs the call off the caller's thread, retrying as described above. {@code method} names it in logs and errors. */
    public <T extends SlackApiTextResponse> CompletableFuture<T> call(String method, SlackCall<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (client == null) {
            result.completeExceptionally(new SlackCallFailed(method, 0, 0, "SLACK_BOT_TOKEN is not set", null));
            return result;
        }
        inFlight.put(result, method);
        result.whenComplete((r, e) -> inFlight.remove(result));
        schedule(new Attempt<>(method, call, result, Spans.Carried.capture()), 1, Duration.ZERO);
        return result;
    }

    /**
     * Every post goes through here. A post to a channel the bot is not in joins it and tries once more; one it cannot
     * join (private) is answered as Slack answered, and {@link #channels()} then has the advice for the people.
     */
    public CompletableFuture<ChatPostMessageResponse> postMessage(ChatPostMessageRequest request) {
        return call("chat.postMessage", c -> c.chatPostMessage(request)).thenCompose(r -> {
            String channel = request.getChannel();
            if (channel == null || !(channel.startsWith("#") || channel.startsWith("C") || channel.startsWith("G"))) {
                return CompletableFuture.completedFuture(r);
            }
            if (r.isOk()) {
                channels.posted(channel); // someone invited the bot since: the advice is out of date
                return CompletableFuture.completedFuture(r);
            }
            return switch (r.getError()) {
                case "not_in_channel" -> channels.join(channel).thenCompose(outcome -> outcome == ChannelJoins.Outcome.JOINED
                        ? call("chat.postMessage", c -> c.chatPostMessage(request))
                        : CompletableFuture.completedFuture(r));
                // How Slack shows a private channel the bot is not in: record the advice, nothing to retry.
                case "channel_not_found" -> channels.join(channel).thenApply(outcome -> r);
                default -> CompletableFuture.completedFuture(r);
            };
        });
    }

    /** The bot's channel memberships: joining, and the private channels it must be invited to. */
    public ChannelJoins channels() {
        return channels;
    }

    public CompletableFuture<ChatUpdateResponse> update(ChatUpdateRequest request) {
        return call("chat.update", c -> c.chatUpdate(request));
    }

    public CompletableFuture<ChatPostEphemeralResponse> postEphemeral(ChatPostEphemeralRequest request) {
        return call("chat.postEphemeral", c -> c.chatPostEphemeral(request));
    }

    /** {@code caller}: the caller's logging context (trace id, Slack user) and span, restored on the gateway's threads. */
    private record Attempt<T extends SlackApiTextResponse>(String method, SlackCall<T> call, CompletableFuture<T> result,
                                                           Spans.Carried caller) {}

    private <T extends SlackApiTextResponse> void schedule(Attempt<T> a, int number, Duration delay) {
        try {
            // One client span per attempt, so a trace shows each 429 and its retry.
            Runnable attempt = () -> a.caller().run(() -> spans.in("slack " + a.method(), SpanKind.CLIENT, () -> {
                run(a, number);
                return null;
            }));
            if (delay.isZero() || delay.isNegative()) {
                calls.execute(attempt);
            } else {
                timer.schedule(() -> {
                    try {
                        calls.execute(attempt);
                    } catch (RejectedExecutionException e) {
                        fail(a, number - 1, 0, "the gateway is shut down", e);
                    }
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            fail(a, number - 1, 0, "the gateway is shut down", e);
        }
    }

    private <T extends SlackApiTextResponse> void run(Attempt<T> a, int number) {
        if (a.result().isDone()) return;
        try {
            T response = a.call().apply(client);
            if (!response.isOk() && "ratelimited".equals(response.getError())) {
                retry(a, number, 200, policy.defaultRetryAfter(), "ok:false ratelimited", null);
            } else {
                count(a.method(), response.isOk() ? "ok" : "error");
                a.result().complete(response);
            }
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            if (status == 429) {
                retry(a, number, status, policy.retryAfter(e.getResponse().header("Retry-After")), "HTTP 429", e);
            } else if (status >= 500) {
                retry(a, number, status, policy.backoff(number, ThreadLocalRandom.current().nextDouble()), "HTTP " + status, e);
            } else {
                fail(a, number, status, "HTTP " + status + " (not retried)", e);
            }
        } catch (IOException e) {
            retry(a, number, 0, policy.backoff(number, ThreadLocalRandom.current().nextDouble()),
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            fail(a, number, 0, e.getClass().getSimpleName() + " (not retried)", e);
        }
    }

    private <T extends SlackApiTextResponse> void retry(Attempt<T> a, int number, int status, Duration delay,
                                                        String problem, Throwable cause) {
        if (number >= policy.maxAttempts()) {
            fail(a, number, status, problem, cause);
            return;
        }
        log.debug("Slack {} attempt {} got {}; retrying in {} ms", a.method(), number, problem, delay.toMillis());
        meters.counter("flightdeck.slack.api.retries", "method", a.method(),
                "reason", status == 429 || status == 200 ? "ratelimited" : status >= 500 ? "server_error" : "io").increment();
        schedule(a, number + 1, delay);
    }

    private void fail(Attempt<?> a, int attempts, int status, String problem, Throwable cause) {
        log.warn("Slack {} failed after {} attempt(s): {}", a.method(), attempts, problem);
        count(a.method(), "failed");
        a.result().completeExceptionally(new SlackCallFailed(a.method(), attempts, status, problem, cause));
    }

    /** Calls by method and outcome: ok, error (an ok:false answer such as name_taken), failed (gave up). */
    private void count(String method, String outcome) {
        meters.counter("flightdeck.slack.api.calls", "method", method, "outcome", outcome).increment();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops the threads; calls still waiting for a retry fail with SlackCallFailed instead of hanging. */
    @PreDestroy
    @Override
    public void close() {
        timer.shutdownNow();
        calls.shutdownNow();
        inFlight.forEach((future, method) ->
                future.completeExceptionally(new SlackCallFailed(method, 0, 0, "the gateway was shut down", null)));
    }
}
