package dev.flightdeck.slack.deploy.flags;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.flightdeck.deploy.flags.FeatureFlags;
import dev.flightdeck.deploy.flags.FlagOutcome;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.edge.AfterAck;
import dev.flightdeck.slack.envconfig.change.ChangeReplies;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The buttons on a flag request ({@code flag_go}, {@code flag_nogo}, {@code flag_cancel}, {@code flag_retry}). Each
 * click is acked at once; the decision runs after the ack and is authorised there by the use case. A refused click
 * gets an ephemeral answer and changes nothing; the last go (or a retry) calls the provider right after, on the same
 * pool.
 */
@Singleton
public class FlagButtons implements SlackListener {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final Provider<FeatureFlags> flags;
    private final ChangeReplies replies;
    private final AfterAck afterAck;

    public FlagButtons(Provider<FeatureFlags> flags, ChangeReplies replies, AfterAck afterAck) {
        this.flags = flags;
        this.replies = replies;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        decision(app, FlagSlackIds.GO, (id, user) -> flags.get().go(id, user));
        decision(app, FlagSlackIds.NOGO, (id, user) -> flags.get().noGo(id, user));
        decision(app, FlagSlackIds.CANCEL, (id, user) -> flags.get().cancel(id, user));
        decision(app, FlagSlackIds.RETRY, (id, user) -> flags.get().retry(id, user));
    }

    private void decision(App app, String actionId, BiFunction<Long, String, FlagOutcome> action) {
        app.blockAction(actionId, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String value = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : p.getContainer() != null ? p.getContainer().getChannelId() : null;
            String user = p.getUser().getId();
            OptionalLong id = value != null && ID.matcher(value).matches()
                    ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
            afterAck.run(actionId, () -> {
                if (id.isEmpty()) {
                    replies.tell(channel, user, "That button does not name a flag request; the message may be from "
                            + "another version of Flightdeck.");
                    return;
                }
                FlagOutcome outcome = action.apply(id.getAsLong(), user);
                if (outcome instanceof FlagOutcome.Refused) {
                    replies.tell(channel, user, FlagWords.say(outcome));
                } else if (outcome instanceof FlagOutcome.Applying applying) {
                    flags.get().apply(applying.request().id());
                }
            });
            return ctx.ack();
        });
    }
}
