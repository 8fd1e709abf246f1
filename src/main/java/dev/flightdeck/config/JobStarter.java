package dev.flightdeck.config;

import dev.flightdeck.wake.BackgroundJob;

import io.micronaut.context.BeanContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.core.async.publisher.Publishers;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Makes every {@link BackgroundJob} (so each starts its waker) on a thread of its own once the context has started,
 * while the HTTP server starts and the first Slack request is answered. Readiness stays UP meanwhile (the replica
 * serves requests; {@code state: starting} says the jobs are on their way) and goes DOWN ("failed", the log says why)
 * if a job could not be made: a replica whose jobs do not run must not look healthy.
 */
@Singleton
@Readiness
public class JobStarter implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(JobStarter.class);

    private final BeanContext context;
    private final CompletableFuture<Integer> started = new CompletableFuture<>();

    public JobStarter(BeanContext context) {
        this.context = context;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Thread thread = new Thread(this::startAll, "jobs-start");
        thread.setDaemon(true);
        thread.start();
    }

    private void startAll() {
        long begun = System.nanoTime();
        try {
            int count = context.getBeansOfType(BackgroundJob.class).size();
            started.complete(count);
            LOG.info("{} background jobs started in {} ms", count, (System.nanoTime() - begun) / 1_000_000);
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            if (context.isRunning()) {
                LOG.error("The background jobs could not be started; readiness stays DOWN", e);
            } else {
                LOG.debug("The context stopped while the background jobs were starting", e);
            }
        }
    }

    /** Completes with the number of jobs once all are made; fails when one could not be. */
    public CompletableFuture<Integer> started() {
        return started.copy();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean failed = started.isCompletedExceptionally();
        String state = failed ? "failed (see the log)" : started.isDone() ? "started" : "starting";
        return Publishers.just(HealthResult.builder("jobs", failed ? HealthStatus.DOWN : HealthStatus.UP)
                .details(Map.of("state", state)).build());
    }
}
