package dev.flightdeck.slack.deploy;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import dev.flightdeck.deploy.DeployChecklists;
import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.edge.AfterAck;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A tick or untick on a go/no-go message's checklist ({@code deploy_checklist}). Slack sends what the checkboxes
 * hold after the click ({@code selected_options}) and, with the element or the message, what they held before;
 * {@link DeployChecklists} works out the change and authorises it after the ack. A refusal is told to the clicker
 * only, and the message is redrawn so their checkbox snaps back.
 */
@Singleton
public class ChecklistClicks implements SlackListener {

    private final Provider<DeployChecklists> checklists;
    private final SlackDeployAnnouncer announcer;
    private final AfterAck afterAck;

    public ChecklistClicks(Provider<DeployChecklists> checklists, SlackDeployAnnouncer announcer, AfterAck afterAck) {
        this.checklists = checklists;
        this.announcer = announcer;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(DeploySlackIds.DEPLOY_CHECKLIST, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            BlockActionPayload.Action action = p.getActions().get(0);
            String user = p.getUser().getId();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : p.getContainer() != null ? p.getContainer().getChannelId() : null;
            OptionalLong id = ChecklistBlocks.requestId(action.getBlockId());
            Set<Integer> selected = ordinals(action.getSelectedOptions() == null ? List.of()
                    : action.getSelectedOptions().stream().map(BlockActionPayload.Action.SelectedOption::getValue).toList());
            Optional<Set<Integer>> seen = seen(p, action);
            afterAck.run(DeploySlackIds.DEPLOY_CHECKLIST, () -> {
                if (id.isEmpty()) {
                    announcer.tell(channel, user, RequestIds.notAnId(action.getBlockId()));
                    return;
                }
                DeployOutcome outcome = checklists.get().tick(id.getAsLong(), user, selected, seen);
                if (outcome.refused()) {
                    announcer.tell(channel, user, OutcomeWords.say(outcome));
                }
            });
            return ctx.ack();
        });
    }

    /**
     * What the clicker's checkboxes held before the click: the element's {@code initial_options} as the action
     * carries them, else as the message in the payload has them; empty when neither says.
     */
    private static Optional<Set<Integer>> seen(BlockActionPayload p, BlockActionPayload.Action action) {
        if (action.getInitialOptions() != null) {
            return Optional.of(ordinals(action.getInitialOptions().stream().map(OptionObject::getValue).toList()));
        }
        List<LayoutBlock> blocks = p.getMessage() == null ? null : p.getMessage().getBlocks();
        if (blocks == null) {
            return Optional.empty();
        }
        for (LayoutBlock block : blocks) {
            if (block instanceof ActionsBlock a && action.getBlockId().equals(a.getBlockId()) && a.getElements() != null) {
                for (BlockElement e : a.getElements()) {
                    if (e instanceof CheckboxesElement c) {
                        return Optional.of(ordinals(c.getInitialOptions() == null ? List.of()
                                : c.getInitialOptions().stream().map(OptionObject::getValue).toList()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Set<Integer> ordinals(List<String> values) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String v : values) {
            try {
                out.add(Integer.parseInt(v));
            } catch (NumberFormatException | NullPointerException e) {
                // Not one of ours: ignored.
            }
        }
        return out;
    }
}
