package dev.flightdeck.slack.envconfig.change;

import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeOutcome;
import dev.flightdeck.envconfig.change.ConfigChanges;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.edge.AfterAck;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The config change forms' submissions. An empty input is answered in the form (Slack's {@code response_action:
 * errors}); otherwise the form closes and the proposal or override runs after the ack. The proposed value goes from
 * here to the use case and nowhere else: not into a log line, an answer or an exception message.
 */
@Singleton
public class ConfigChangeSubmissions implements SlackListener {

    private final Provider<ConfigChanges> changes;
    private final ChangeReplies replies;
    private final AfterAck afterAck;

    public ConfigChangeSubmissions(Provider<ConfigChanges> changes, ChangeReplies replies, AfterAck afterAck) {
        this.changes = changes;
        this.replies = replies;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(ConfigChangeSlackIds.CHANGE_MODAL, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String value = input(req.getPayload().getView().getState().getValues(), ConfigChangeSlackIds.VALUE);
            if (value.isBlank()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(ConfigChangeSlackIds.VALUE,
                        "Type the new value. To remove the key, use /deploy config unset.")));
            }
            Optional<ChangeFormMetadata> meta = ChangeFormMetadata.decode(req.getPayload().getView().getPrivateMetadata());
            if (meta.isEmpty() || !meta.get().userId().equals(user)) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(ConfigChangeSlackIds.VALUE,
                        "This form is out of date: close it and type /deploy config set again.")));
            }
            ChangeFormMetadata m = meta.get();
            afterAck.run("the config change form", () -> {
                ChangeOutcome outcome = changes.get().propose(user, m.service(), m.environment(), m.key(), ChangeKind.SET,
                        Optional.of(value));
                replies.tell(m.channelId(), user, ChangeWords.say(outcome));
            });
            return ctx.ack();
        });
        app.viewSubmission(ConfigChangeSlackIds.OVERRIDE_MODAL, (req, ctx) -> {
            String reason = input(req.getPayload().getView().getState().getValues(), ConfigChangeSlackIds.REASON).strip();
            if (reason.isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(ConfigChangeSlackIds.REASON,
                        "Write why the failing rules may be overridden.")));
            }
            String user = req.getPayload().getUser().getId();
            String[] meta = String.valueOf(req.getPayload().getView().getPrivateMetadata()).split(":", 2);
            OptionalLong id = ConfigChangeButtons.changeId(meta[0]);
            String channel = meta.length > 1 ? meta[1] : null;
            afterAck.run("the override form", () -> {
                if (id.isEmpty()) {
                    replies.tell(channel, user, "That form is out of date; press *Override* on the request again.");
                    return;
                }
                ChangeOutcome outcome = changes.get().override(id.getAsLong(), user, reason);
                if (outcome instanceof ChangeOutcome.Refused) {
                    replies.tell(channel, user, ChangeWords.say(outcome));
                }
            });
            return ctx.ack();
        });
    }

    /** A plain-text input's value as typed; "" when empty. */
    static String input(Map<String, Map<String, ViewState.Value>> values, String blockId) {
        Map<String, ViewState.Value> block = values == null ? null : values.get(blockId);
        ViewState.Value v = block == null ? null : block.get(blockId);
        return v == null || v.getValue() == null ? "" : v.getValue();
    }
}
