package dev.flightdeck.slack.api.outbox;

import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.flightdeck.slack.api.SlackGateway;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One try at sending one entry through the {@link SlackGateway}, and what came of it. */
final class OutboxSend {

    /** ok:false answers that say "not now" rather than "never": tried again like a 5xx. */
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited");

    sealed interface Result {
        record Sent(String channel, String ts) implements Result {
        }

        /** Slack was not reachable or asked to wait: try again later. */
        record Later(String why) implements Result {
        }

        /** Slack refused it for good (channel_not_found, msg_too_long, ...). */
        record Refused(String error) implements Result {
        }
    }

    private OutboxSend() {
    }

    /** {@code channel}/{@code threadTs}: where, already resolved from the entry or its parent. */
    static Result send(SlackGateway gateway, OutboxEntry e, String channel, String threadTs, Duration timeout) {
        CompletableFuture<? extends SlackApiTextResponse> call = e.method() == OutboxEntry.Method.POST
                ? gateway.postMessage(OutboxPayload.post(e.payload(), channel, threadTs))
                : gateway.update(OutboxPayload.update(e.payload(), channel, threadTs));
        SlackApiTextResponse response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            return new Result.Later(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (TimeoutException ex) {
            call.cancel(false);
            return new Result.Later("Slack did not answer within " + timeout);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Result.Later("interrupted");
        }
        if (!response.isOk()) {
            return TRANSIENT.contains(response.getError()) ? new Result.Later("Slack said " + response.getError())
                    : new Result.Refused(response.getError());
        }
        if (response instanceof ChatPostMessageResponse p) {
            return new Result.Sent(p.getChannel(), p.getTs());
        }
        ChatUpdateResponse u = (ChatUpdateResponse) response;
        return new Result.Sent(u.getChannel(), u.getTs());
    }
}
