package dev.flightdeck.envconfig.logs;

import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.LogSettings;
import dev.flightdeck.envconfig.SecretValues;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.text.SecretMask;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs {@code /deploy logs}: one query over the service's log groups for the environment, looked at every
 * {@code flightdeck.logs.poll-interval} until complete. Not complete within {@code flightdeck.logs.wait} (20 s), the
 * person is told once that it still runs, and it is looked at every {@code flightdeck.logs.slow-poll-interval} until
 * {@code flightdeck.logs.give-up-after}, when it is stopped and that is told instead: every search ends in one
 * answer. The bounds count looks, not clock readings, so they hold whatever the clock does. Lines are masked with
 * the service's secret values in that environment and every token shape ({@link SecretMask}, as build logs are);
 * when the secrets can't be read the lines are not shown at all.
 */
@Singleton
public class LogSearches {

    private static final Logger LOG = LoggerFactory.getLogger(LogSearches.class);
    /** Searches running at once; past it the person is asked to try again. */
    static final int MAX_RUNNING = 20;

    private final TeamConfig team;
    private final LogSearch store;
    private final SecretValues secrets;
    private final Clock clock;
    private final Duration wait;
    private final Duration interval;
    private final Duration slowInterval;
    private final Duration giveUpAfter;
    private final ScheduledExecutorService pool;
    private final AtomicInteger running = new AtomicInteger();

    public LogSearches(TeamConfig team, LogSearch store, SecretValues secrets, Clock clock,
                       @Value("${flightdeck.logs.wait:20s}") Duration wait,
                       @Value("${flightdeck.logs.poll-interval:1s}") Duration interval,
                       @Value("${flightdeck.logs.slow-poll-interval:15s}") Duration slowInterval,
                       @Value("${flightdeck.logs.give-up-after:15m}") Duration giveUpAfter) {
        this.team = team;
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.wait = wait;
        this.interval = interval;
        this.slowInterval = slowInterval;
        this.giveUpAfter = giveUpAfter;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "log-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The query for a search of {@code service} in {@code env} over the last {@code since}; empty when the team file
     * names no log groups for the service.
     *
     * @throws IllegalArgumentException when the filter is {@code query:} with nothing after it
     */
    public Optional<LogQuery> plan(String service, String env, Duration since, Optional<String> filter) {
        Optional<LogSettings> logs = team.service(service).flatMap(s -> s.logs());
        if (logs.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(new LogQuery(logs.get().groupsFor(env), now.minus(since), now, LogQueries.query(filter)));
    }

    /** The console link of a planned query, for the acknowledgement. */
    public String link(LogQuery query) {
        return store.consoleLink(query);
    }

    /**
     * Starts the search after the caller has returned; {@code tell} gets a {@link LogAnswer.StillRunning} at most once
     * and then exactly one other answer, on a thread of this use case. False when too many searches run already.
     */
    public boolean run(String service, String env, LogQuery query, Consumer<LogAnswer> tell) {
        if (running.incrementAndGet() > MAX_RUNNING) {
            running.decrementAndGet();
            return false;
        }
        try {
            pool.execute(new Search(service, env, query, tell));
            return true;
        } catch (RejectedExecutionException e) {
            running.decrementAndGet();
            return false;
        }
    }

    /** One search: started, then looked at until it ends in one answer. */
    private final class Search implements Runnable {
        private final String service;
        private final String env;
        private final LogQuery query;
        private final Consumer<LogAnswer> tell;
        private final String link;
        private final long quickLooks;
        private final long allLooks;
        private String id;
        private long looks;
        private boolean toldRunning;

        Search(String service, String env, LogQuery query, Consumer<LogAnswer> tell) {
            this.service = service;
            this.env = env;
            this.query = query;
            this.tell = tell;
            this.link = store.consoleLink(query);
            this.quickLooks = Math.max(1, wait.toMillis() / Math.max(1, interval.toMillis()));
            this.allLooks = quickLooks + Math.max(1, giveUpAfter.minus(wait).toMillis() / Math.max(1, slowInterval.toMillis()));
        }

        @Override
        public void run() {
            try {
                if (id == null) {
                    id = store.start(query);
                    pool.schedule(this, interval.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                look();
            } catch (LogSearchException e) {
                finish(new LogAnswer.Failed(e.getMessage(), link));
            } catch (RuntimeException e) {
                LOG.error("log search of {} in {} failed", service, env, e);
                finish(new LogAnswer.Failed("the search failed on Flightdeck's side (" + e.getClass().getSimpleName()
                        + "); see its log", link));
            }
        }

        private void look() {
            QueryResults results = store.results(id);
            switch (results.state()) {
                case COMPLETE -> finish(found(results));
                case ENDED_WITHOUT_RESULTS -> finish(new LogAnswer.Failed("the query ended with status "
                        + results.failure().orElse("unknown") + " and no results", link));
                case RUNNING -> stillRunning();
            }
        }

        private void stillRunning() {
            looks++;
            if (looks >= allLooks) {
                try {
                    store.stop(id);
                } catch (RuntimeException e) {
                    LOG.warn("could not stop log query {} of {} in {}: {}", id, service, env, e.getMessage());
                }
                finish(new LogAnswer.GaveUp(giveUpAfter, link));
                return;
            }
            if (looks >= quickLooks && !toldRunning) {
                toldRunning = true;
                say(new LogAnswer.StillRunning(wait, link));
            }
            pool.schedule(this, (toldRunning ? slowInterval : interval).toMillis(), TimeUnit.MILLISECONDS);
        }

        private LogAnswer found(QueryResults results) {
            List<String> known;
            try {
                known = secrets.of(service, List.of(env));
            } catch (ConfigSourceException e) {
                // Unmasked lines must not be shown: say why instead.
                return new LogAnswer.Failed("the lines were found but the service's secrets could not be read to mask "
                        + "them (" + e.getMessage() + ")", link);
            }
            // Newest first whatever a typed query sorted by; lines without a time keep their order, after the rest.
            List<LogLine> masked = results.lines().stream()
                    .sorted(Comparator.comparing((LogLine l) -> l.at().orElse(Instant.MIN)).reversed())
                    .limit(LogQueries.MAX_LINES)
                    .map(l -> new LogLine(l.at(), SecretMask.mask(l.text(), known))).toList();
            return new LogAnswer.Found(masked, Math.max(results.matched(), masked.size()), link);
        }

        private void finish(LogAnswer answer) {
            running.decrementAndGet();
            say(answer);
        }

        private void say(LogAnswer answer) {
            try {
                tell.accept(answer);
            } catch (RuntimeException e) {
                LOG.warn("could not tell the log search of {} in {}", service, env, e);
            }
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
