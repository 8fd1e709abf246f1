package dev.flightdeck.slack.handlers.deploy;

import com.slack.api.Slack;
import com.slack.api.util.json.GsonFactory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
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
    private final Slack slack;

    public AfterAck(@Named(TaskExecutors.BLOCKING) ExecutorService executor, Slack slack) {
        this.executor = executor;
        this.slack = slack;
    }

    /** Runs {@code work}; its text (if not null) goes to {@code responseUrl} as an ephemeral answer. */
    public void run(String what, String responseUrl, Supplier<String> work) {
        executor.execute(() -> {
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
        });
    }

    /** Runs {@code work} after the ack with no answer of its own (it answers through Slack itself). */
    public void run(String what, Runnable work) {
        run(what, null, () -> {
            work.run();
            return null;
        });
    }

    public void respond(String responseUrl, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "ephemeral");
        body.put("replace_original", false);
        body.put("text", text);
        String json = GsonFactory.createSnakeCase().toJson(body);
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                var response = slack.send(responseUrl, json);
                if (response.getCode() < 500) {
                    return;
                }
            } catch (Exception e) {
                LOG.debug("response_url attempt {} failed: {}", attempt, e.getMessage());
            }
        }
        LOG.warn("could not answer through the response URL");
    }
}
