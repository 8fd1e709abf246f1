package dev.flightdeck.deploy;

import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.SecretValues;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.text.SecretMask;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A failed build explains itself: after the FAILED news is out, the failing stage, job or step and the last lines of
 * its log are read from the backend ({@link BuildFailures}), every secret of the service (its config stores' values,
 * compared in memory) and every token-shaped string masked, and the result told in the deploy's thread, or under the
 * notice of a build Flightdeck did not start. Reading happens on a small pool of its own, never on the webhook's
 * request, and is cut off after {@code flightdeck.build.failure-log-timeout}: the FAILED news never waits for it, and
 * a log that does not arrive in time is said to be unreadable.
 */
@Singleton
public class FailureExplanations {

    private static final Logger LOG = LoggerFactory.getLogger(FailureExplanations.class);

    private final BuildFailures failures;
    private final SecretValues secrets;
    private final DeployAnnouncer announcer;
    private final BuildNewsAnnouncer news;
    private final TeamConfig team;
    private final boolean enabled;
    private final Duration timeout;
    private final ExecutorService pool;

    public FailureExplanations(BuildFailures failures, SecretValues secrets, DeployAnnouncer announcer,
                               BuildNewsAnnouncer news, TeamConfig team,
                               @Value("${flightdeck.build.failure-logs:true}") boolean enabled,
                               @Value("${flightdeck.build.failure-log-timeout:20s}") Duration timeout) {
        this.failures = failures;
        this.secrets = secrets;
        this.announcer = announcer;
        this.news = news;
        this.team = team;
        this.enabled = enabled;
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        // Two readers and a bounded queue: a burst of failures waits its turn; past the queue it is said, not lost.
        this.pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), r -> {
            Thread t = new Thread(r, "failure-logs-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The deploy's build failed (its FAILED news is already queued): explain it in the deploy's thread. */
    public void deployFailed(DeployRequest r) {
        Optional<ServiceConfig> service = team.service(r.service());
        if (!enabled || service.isEmpty()) {
            return;
        }
        FailedBuild build = new FailedBuild(r.service(), Optional.of(r.environment()),
                service.get().buildFor(r.environment()), r.buildLabel(), r.buildUrl());
        later(build, why -> announcer.reply(r, new DeployNews.BuildExplained(why)));
    }

    /** A build Flightdeck did not start failed and {@code notice} announced it: explain it under the notice. */
    public void foreignFailed(BuildNewsAnnouncer.ForeignBuild notice, FailedBuild build) {
        if (enabled) {
            later(build, why -> news.foreignFailure(notice, why));
        }
    }

    /** Reads and masks, on the calling thread; what {@link #deployFailed} and {@link #foreignFailed} tell. */
    public BuildFailure explain(FailedBuild build) {
        BuildFailure read;
        try {
            read = failures.read(build);
        } catch (RuntimeException e) {
            LOG.warn("reading the log of {} failed", build.label(), e);
            read = new BuildFailure.Unreadable("reading it failed (" + e.getClass().getSimpleName() + ")", build.url());
        }
        if (read instanceof BuildFailure.Unreadable u) {
            return new BuildFailure.Unreadable(SecretMask.mask(u.reason(), List.of()), u.link());
        }
        BuildFailure.Report report = (BuildFailure.Report) read;
        List<String> known;
        try {
            known = secrets.of(build.service(), build.environment().map(List::of)
                    .orElseGet(() -> List.copyOf(team.environments().keySet())));
        } catch (ConfigSourceException e) {
            // Unmasked it must not be shown: say why instead.
            return new BuildFailure.Unreadable("the service's secrets could not be read to mask it (" + e.getMessage()
                    + ")", report.link());
        }
        String step = report.step() == null ? null : SecretMask.mask(report.step(), known);
        return new BuildFailure.Report(step, SecretMask.maskLines(report.lines(), known), report.link());
    }

    private void later(FailedBuild build, Consumer<BuildFailure> tell) {
        String within = timeout.toMillis() < 1000 ? timeout.toMillis() + "ms" : timeout.toSeconds() + "s";
        BuildFailure late = new BuildFailure.Unreadable("it did not arrive within " + within, build.url());
        try {
            CompletableFuture.supplyAsync(() -> explain(build), pool)
                    .completeOnTimeout(late, timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .thenAcceptAsync(why -> tell(build, tell, why), pool);
        } catch (RejectedExecutionException e) {
            LOG.warn("too many failed builds at once; {} is not explained", build.label());
        }
    }

    private static void tell(FailedBuild build, Consumer<BuildFailure> tell, BuildFailure why) {
        try {
            tell.accept(why);
        } catch (RuntimeException e) {
            LOG.warn("could not post why {} failed", build.label(), e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
