package dev.flightdeck.aws.events;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a route's work on the after-ack pool (never on the request's thread, never on Netty's event loop) and waits
 * for it a little, so that a failure can still reach EventBridge as a 5xx it retries:
 * <ul>
 *   <li>done within {@link #WAIT}: {@link Outcome#DONE};</li>
 *   <li>failed within it, or the pool refused it: the event id is forgotten and the answer is a 5xx, so EventBridge's
 *       retry is taken again (it retries 5xx for up to 24 hours);</li>
 *   <li>still running after it: answered as accepted (EventBridge gives up on a destination after 5 seconds); if it
 *       then fails, it is logged and the id forgotten, so a replay is taken — EventBridge will not retry by itself
 *       then, and the watch's periodic scan is what still finds the change.</li>
 * </ul>
 * Logs name the event's type, id and name only, never its detail.
 */
@Singleton
public class AwsEventHandOff {

    /** Well inside EventBridge's 5-second wait for an API destination's answer. */
    static final Duration WAIT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(AwsEventHandOff.class);

    public enum Outcome { DONE, RUNNING, FAILED }

    private final ExecutorService executor;
    private final SeenAwsEvents seen;

    /** The after-ack pool of application.yml: slow work queues there instead of adding a thread per event. */
    public AwsEventHandOff(@Named("after-ack") ExecutorService executor, SeenAwsEvents seen) {
        this.executor = executor;
        this.seen = seen;
    }

    public Outcome run(AwsEvent event, AwsEventRoute.Plan plan) {
        CompletableFuture<Void> work;
        try {
            work = CompletableFuture.runAsync(plan.work(), executor);
        } catch (RejectedExecutionException e) {
            return failed(event, plan, "the work pool refused it", null);
        }
        try {
            work.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.DONE;
        } catch (TimeoutException e) {
            work.whenComplete((ok, error) -> {
                if (error != null) {
                    failed(event, plan, "after it was answered", error);
                }
            });
            return Outcome.RUNNING;
        } catch (ExecutionException e) {
            return failed(event, plan, "", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(event, plan, "interrupted", null);
        }
    }

    private Outcome failed(AwsEvent event, AwsEventRoute.Plan plan, String when, Throwable error) {
        try {
            seen.forget(event.id());
        } catch (RuntimeException e) {
            LOG.error("Could not forget AWS event {} after it failed; a retry of it will be taken as already seen",
                    event.id(), e);
        }
        // The exception's class and stack, not its message alone: a message could quote what it was given.
        LOG.error("Handling the AWS event {} {} for {} failed{}", event.detailType(), event.id(), plan.name(),
                when.isEmpty() ? "" : " (" + when + ")", error);
        return Outcome.FAILED;
    }
}
