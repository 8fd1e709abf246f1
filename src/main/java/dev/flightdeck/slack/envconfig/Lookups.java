package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.AlarmSourceException;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.api.ResponseUrlSender;
import dev.flightdeck.slack.envconfig.Rendered;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a command's slow part (AWS, health calls) after the ack, on its own small pool, and posts the answer to the
 * command's response_url. A store that can't be read is answered in words; anything else gets an apology with a
 * reference to the log, never a stack trace.
 */
@Singleton
public class Lookups {

    private static final Logger LOG = LoggerFactory.getLogger(Lookups.class);

    private final ResponseUrlSender sender;
    private final ThreadPoolExecutor pool;

    public Lookups(ResponseUrlSender sender, @Value("${envconfig.lookup-threads:4}") int threads) {
        this.sender = sender;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100), r -> {
            Thread t = new Thread(r, "envconfig-lookup-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues the work; false when too much is queued already (the caller says "busy, try again").
     *
     * @param what what is being done, for the failure answer: "read the configuration of commons in prod"
     */
    public boolean answerLater(Invocation invocation, String what, Supplier<Rendered> work) {
        try {
            pool.execute(() -> {
                Rendered rendered = answer(what, work);
                sender.respond(invocation.responseUrl(), rendered.text(), rendered.blocks());
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    public static Rendered answer(String what, Supplier<Rendered> work) {
        try {
            return work.get();
        } catch (ConfigSourceException | AlarmSourceException e) {
            return Rendered.plain(":warning: Could not " + what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Could not {} (reference {})", what, reference, e);
            return Rendered.plain("Sorry, I could not " + what + " because of a problem on our side. Reference `"
                    + reference + "` in Flightdeck's log.");
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
