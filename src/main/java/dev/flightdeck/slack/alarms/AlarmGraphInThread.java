package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.AlarmGraphs;
import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.slack.api.FileUploads;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the last 3 hours of an alarm's metric, as a picture, into its episode message's thread (DESIGN section 13:
 * CloudWatch {@code GetMetricWidgetImage}, uploaded with {@code files.getUploadURLExternal} and
 * {@code files.completeUploadExternal}). Called by the alarm message adapter right after a new episode's message is
 * posted; returns at once and never fails its caller: the picture is drawn and uploaded on a small pool of its own
 * (one thread, a bounded queue: a storm of alarms waits its turn, past the queue a graph is skipped). Where the
 * picture cannot be had or uploaded, nothing is said in the channel: one log line says why (the graph adapter's,
 * when there is no picture; this class's, when the upload fails), with Slack's error and never a token or URL.
 */
@Singleton
public class AlarmGraphInThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmGraphInThread.class);
    /**
     * A threshold as monitors and people write it: "5.0", "> 5", ">= 1.5E3 ms", "99.5%": one number, after a comparison
     * at most, before a unit at most. Anything else ("5xx over 2") is not drawn rather than drawn wrong.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?:[<>]=?|[\u2265\u2264=])?\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(?:%|[A-Za-z/]+)?");

    /** What became of one attach; the caller never sees it, the tests do. */
    enum Result { NO_METRIC, NO_PICTURE, POSTED, NOT_POSTED, SKIPPED }

    private final AlarmGraphs graphs;
    private final FileUploads uploads;
    private final ThreadPoolExecutor pool;

    public AlarmGraphInThread(AlarmGraphs graphs, FileUploads uploads) {
        this.graphs = graphs;
        this.uploads = uploads;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100), r -> {
            Thread t = new Thread(r, "alarm-graphs-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Attaches the graph of {@code episode.latest().graph()} (when present) in the thread of {@code message}. */
    public void attach(AlertEpisode episode, AlertEpisode.Message message) {
        attached(episode, message);
    }

    /** {@link #attach}, with what became of it; completes normally whatever happens. */
    CompletableFuture<Result> attached(AlertEpisode episode, AlertEpisode.Message message) {
        String which = episode == null ? "(none)" : Long.toString(episode.id());
        try {
            Alert alert = episode.latest();
            if (alert.graph().isEmpty()) {
                return CompletableFuture.completedFuture(Result.NO_METRIC);
            }
            return CompletableFuture.supplyAsync(() -> draw(alert, alert.graph().get(), message), pool)
                    .exceptionally(e -> {
                        Throwable why = e.getCause() == null ? e : e.getCause();
                        LOG.warn("Alarm graph of episode {} not posted: {}", which, why.getClass().getSimpleName());
                        return Result.NOT_POSTED;
                    });
        } catch (RejectedExecutionException e) {
            LOG.warn("Alarm graph of episode {} skipped: {} graphs are waiting already, or Flightdeck is stopping",
                    which, pool.getQueue().size());
            return CompletableFuture.completedFuture(Result.SKIPPED);
        } catch (RuntimeException e) {
            LOG.warn("Alarm graph of episode {} not posted: {}", which, e.getClass().getSimpleName());
            return CompletableFuture.completedFuture(Result.NOT_POSTED);
        }
    }

    private Result draw(Alert alert, MetricRef metric, AlertEpisode.Message message) {
        Optional<byte[]> png = graphs.last3Hours(metric, alert.name(), threshold(alert));
        if (png.isEmpty()) {
            return Result.NO_PICTURE; // the graph adapter logged why
        }
        FileUploads.Outcome outcome = uploads.intoThread(message.channelId(), message.ts(), fileName(alert.name()),
                alert.name() + ": last 3 hours", png.get());
        if (outcome instanceof FileUploads.Outcome.Failed failed) {
            LOG.warn("Alarm graph not posted in {}: {} answered {}", message.channelId(), failed.step(), failed.problem());
            return Result.NOT_POSTED;
        }
        return Result.POSTED;
    }

    /** The alert's threshold as a number, when the monitor gave one. */
    static Optional<Double> threshold(Alert alert) {
        return alert.threshold().map(t -> NUMBER.matcher(t.trim())).filter(Matcher::matches)
                .map(m -> Double.valueOf(m.group(1))).filter(Double::isFinite);
    }

    /** A file name Slack and every operating system take: the alarm's name with anything unusual as "-". */
    static String fileName(String alarmName) {
        String safe = alarmName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        if (safe.isEmpty()) {
            safe = "alarm";
        }
        return (safe.length() > 100 ? safe.substring(0, 100) : safe) + "-3h.png";
    }

    @PreDestroy
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
