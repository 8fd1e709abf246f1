package dev.flightdeck.slack.edge;

import dev.flightdeck.slack.api.ResponseUrlSender;
import dev.flightdeck.telemetry.Spans;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Work that must not delay Slack's 3-second ack (database writes that wait for Slack, checks that call AWS): runs on
 * the blocking executor and answers the person through the response URL. A failure is answered with a reference
 * to the log, never a stack trace.
 */
@Singleton
public class AfterAck {

    private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);

    private final ExecutorService executor;
    private final ResponseUrlSender responses;
    private final Spans spans;

    /** A fixed pool (application.yml): slow Slack or database work queues here instead of adding a thread per task. */
    public static final String EXECUTOR = "after-ack";

    public AfterAck(@Named(EXECUTOR) ExecutorService executor, ResponseUrlSender responses, Spans spans) {
        this.executor = executor;
        this.responses = responses;
        this.spans = spans;
    }

    /** Runs {@code work}; its text (if not null) goes to {@code responseUrl} as an ephemeral answer. */
    public void run(String what, String responseUrl, Supplier<String> work) {
        // The request's logging context (trace id, Slack user) and span follow the work onto the executor's thread.
        Spans.Carried carried = Spans.Carried.capture();
        executor.execute(() -> carried.run(() -> spans.in("after-ack " + what, SpanKind.INTERNAL, () -> {
            answer(what, responseUrl, work);
            return null;
        })));
    }

    private void answer(String what, String responseUrl, Supplier<String> work) {
        String answer;
        try {
            answer = work.get();
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} failed (reference {})", what, reference, e);
            answer = "Sorry, " + what + " failed on our side. Reference `" + reference + "` in Flightdeck's log.";
        }
        if (answer != null && responseUrl != null && !responseUrl.isBlank()) {
            respond(responseUrl, answer);
        }
    }

    /** Runs {@code work} after the ack with no answer of its own (it answers through Slack itself). */
    public void run(String what, Runnable work) {
        run(what, null, () -> {
            work.run();
            return null;
        });
    }

    public void respond(String responseUrl, String text) {
        responses.respond(responseUrl, text, List.of());
    }
}
