package dev.flightdeck.slack.envconfig.change;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.flightdeck.envconfig.change.ChangeOutcome;
import dev.flightdeck.envconfig.change.ConfigChanges;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.edge.AfterAck;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The buttons on a config change request. Each click is acked at once; the decision runs after the ack and is
 * authorised there by the use case. A refused click gets an ephemeral answer and changes nothing; an accepted one
 * shows in the message and its thread. The last go (or a retry) writes to AWS right after, on the same pool.
 */
@Singleton
public class ConfigChangeButtons implements SlackListener {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final Provider<ConfigChanges> changes;
    private final ChangeReplies replies;
    private final AfterAck afterAck;

    public ConfigChangeButtons(Provider<ConfigChanges> changes, ChangeReplies replies, AfterAck afterAck) {
        this.changes = changes;
        this.replies = replies;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        decision(app, ConfigChangeSlackIds.GO, (id, user) -> changes.get().go(id, user));
        decision(app, ConfigChangeSlackIds.NOGO, (id, user) -> changes.get().noGo(id, user));
        decision(app, ConfigChangeSlackIds.CANCEL, (id, user) -> changes.get().cancel(id, user));
        decision(app, ConfigChangeSlackIds.RETRY, (id, user) -> changes.get().retry(id, user));
        app.blockAction(ConfigChangeSlackIds.OVERRIDE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            String triggerId = req.getPayload().getTriggerId();
            afterAck.run(ConfigChangeSlackIds.OVERRIDE, () -> {
                if (click.id().isEmpty()) {
                    replies.tell(click.channel(), click.user(), notAnId());
                    return;
                }
                // Whether this person may override is the use case's to say, when the reason comes in.
                if (replies.open(triggerId, ConfigChangeModals.overrideReason(click.id().getAsLong(),
                        click.id().getAsLong() + ":" + click.channel())).isPresent()) {
                    replies.tell(click.channel(), click.user(), "Could not open the form; please click *Override* again.");
                }
            });
            return ctx.ack();
        });
    }

    private void decision(App app, String actionId, BiFunction<Long, String, ChangeOutcome> action) {
        app.blockAction(actionId, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            afterAck.run(actionId, () -> {
                if (click.id().isEmpty()) {
                    replies.tell(click.channel(), click.user(), notAnId());
                    return;
                }
                ChangeOutcome outcome = action.apply(click.id().getAsLong(), click.user());
                if (outcome instanceof ChangeOutcome.Refused) {
                    replies.tell(click.channel(), click.user(), ChangeWords.say(outcome));
                } else if (outcome instanceof ChangeOutcome.Applying applying) {
                    changes.get().apply(applying.change().id());
                }
            });
            return ctx.ack();
        });
    }

    static OptionalLong changeId(String value) {
        return value != null && ID.matcher(value).matches() ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
    }

    private static String notAnId() {
        return "That button does not name a config change; the message may be from another version of Flightdeck.";
    }

    /** Who clicked what, where. */
    record Click(String user, String channel, OptionalLong id) {
        static Click of(BlockActionPayload p) {
            String value = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : p.getContainer() != null ? p.getContainer().getChannelId() : null;
            return new Click(p.getUser().getId(), channel, changeId(value));
        }
    }
}
