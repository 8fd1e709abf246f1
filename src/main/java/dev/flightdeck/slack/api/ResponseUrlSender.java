package dev.flightdeck.slack.api;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * "Respond later" for slash commands whose answer takes longer than Slack's 3-second ack (AWS lookups, health
 * checks): POSTs the answer to the command's response_url, as Bolt's {@code ctx.respond} would, but from any
 * thread after the ack. A response_url takes up to 5 answers within 30 minutes. Retries 429 (after Retry-After)
 * and 5xx / I/O errors with the {@link RetryPolicy} backoff; call it on a worker thread, it blocks while it waits.
 * The answer is written to JSON by one Gson made once, with the SDK's settings: the SDK's
 * {@code SlashCommandResponseSender} built a new Gson per answer (and with it every type adapter of the blocks, by
 * reflection), the largest allocation of the after-ack threads under a slow Slack; it also dropped the answer's
 * headers, so a 429's Retry-After was never read.
 */
@Singleton
public class ResponseUrlSender {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrlSender.class);

    private final Slack slack;
    private final Gson json;
    private final RetryPolicy policy;

    public ResponseUrlSender(Slack slack, RetryPolicy policy) {
        this.slack = slack;
        this.json = GsonFactory.createSnakeCase(slack.getConfig());
        this.policy = policy;
    }

    /** Sends an ephemeral answer; returns whether Slack took it. Never throws. */
    public boolean respond(String responseUrl, String text, List<LayoutBlock> blocks) {
        String response = json.toJson(SlashCommandResponse.builder().responseType("ephemeral").text(text)
                .blocks(blocks.isEmpty() ? null : blocks).build());
        for (int attempt = 1; ; attempt++) {
            String problem;
            long waitMillis;
            try {
                WebhookResponse answer = slack.send(responseUrl, response);
                int code = answer.getCode() == null ? 0 : answer.getCode();
                if (code >= 200 && code < 300) {
                    return true;
                }
                problem = "HTTP " + code;
                if (code == 429) {
                    waitMillis = policy.retryAfter(header(answer, "Retry-After")).toMillis();
                } else if (code >= 500) {
                    waitMillis = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble()).toMillis();
                } else {
                    LOG.warn("response_url answer refused: {} (not retried)", problem);
                    return false;
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName();
                waitMillis = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble()).toMillis();
            }
            if (attempt >= policy.maxAttempts()) {
                LOG.warn("response_url answer failed after {} attempt(s): {}", attempt, problem);
                return false;
            }
            try {
                LOG.debug("response_url answer attempt {} got {}; retrying in {} ms", attempt, problem, waitMillis);
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static String header(WebhookResponse answer, String name) {
        if (answer.getHeaders() == null) {
            return null;
        }
        return answer.getHeaders().entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }
}
