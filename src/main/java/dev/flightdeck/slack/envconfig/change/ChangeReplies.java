package dev.flightdeck.slack.envconfig.change;

import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.view.View;
import dev.flightdeck.slack.api.SlackGateway;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/** Answers to one person about their change: ephemeral where they typed or clicked, else a direct message. */
@Singleton
public class ChangeReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeReplies.class);

    private final SlackGateway gateway;

    public ChangeReplies(SlackGateway gateway) {
        this.gateway = gateway;
    }

    /** {@code text} is mrkdwn and never holds a value. */
    public void tell(String channelId, String userId, String text) {
        if (channelId == null || channelId.isBlank()) {
            gateway.postMessage(ChatPostMessageRequest.builder().channel(userId).text(text).build())
                    .whenComplete((r, e) -> warnIf(e, r == null ? null : r.isOk() ? null : r.getError(), userId));
            return;
        }
        gateway.postEphemeral(ChatPostEphemeralRequest.builder().channel(channelId).user(userId).text(text).build())
                .whenComplete((r, e) -> {
                    if (e == null && !r.isOk() && ("channel_not_found".equals(r.getError()) || "not_in_channel".equals(r.getError()))) {
                        tell(null, userId, text); // a DM with the bot, where an ephemeral can't go
                    } else {
                        warnIf(e, r == null || r.isOk() ? null : r.getError(), userId);
                    }
                });
    }

    /** Opens a form; the Slack error (e.g. {@code expired_trigger_id}) when it could not. Waits: run after the ack. */
    public java.util.Optional<String> open(String triggerId, View view) {
        try {
            var r = gateway.call("views.open", c -> c.viewsOpen(x -> x.triggerId(triggerId).view(view)))
                    .get(15, TimeUnit.SECONDS);
            return r.isOk() ? java.util.Optional.empty() : java.util.Optional.of(r.getError());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        } catch (Exception e) {
            return java.util.Optional.of(e.getClass().getSimpleName());
        }
    }

    private static void warnIf(Throwable e, String error, String userId) {
        if (e != null || error != null) {
            LOG.warn("could not tell {} about a config change: {}", userId, e != null ? e.getMessage() : error);
        }
    }
}
