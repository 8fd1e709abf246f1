package dev.flightdeck.slack.incident.access;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.access.AccessGrant;
import dev.flightdeck.incident.access.AccessNews;
import dev.flightdeck.incident.access.AccessState;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.slack.deploy.ApproverMentions;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * {@link AccessNews} on Slack, through the outbox: the request message (Grant / Deny) in the incident's channel,
 * redrawn as it moves, a line in the channel when access is granted, revoked or fails, and a DM to the requester when
 * granted and revoked. Every message is keyed by request and state, so a job redone after a crash sends none twice,
 * and they share the request's ordering key, so they land in the order things happened.
 */
@Singleton
@Requires(beans = Outbox.class)
public class SlackAccessNews implements AccessNews {

    private final Outbox outbox;
    private final ApproverMentions mentions;

    public SlackAccessNews(Outbox outbox, ApproverMentions mentions) {
        this.outbox = outbox;
        this.mentions = mentions;
    }

    static String keyOf(long requestId) {
        return "access:" + requestId;
    }

    @Override
    public void requested(AccessGrant g, Incident incident, List<ApproverRef> approvers, boolean commanderMay) {
        String text = AccessWords.request(g, incident, AccessWords.who(approvers, commanderMay, mentions::of));
        String key = keyOf(g.id());
        outbox.send(OutboxMessage.post(key, channel(incident), text).blocks(blocks(g, text)).key(key));
    }

    @Override
    public void changed(AccessGrant g, Incident incident) {
        String key = keyOf(g.id());
        String text = AccessWords.request(g, incident, "decided").replaceAll("\nWho may grant: decided\\.$", "");
        outbox.send(OutboxMessage.updateOf(key, key, text).blocks(blocks(g, text)).key(key + ":redraw:" + g.state().label()));
        String line = AccessWords.channelLine(g);
        if (!line.isEmpty()) {
            outbox.send(OutboxMessage.post(key, channel(incident), line).key(key + ":said:" + g.state().label()));
        }
        String dm = AccessWords.dm(g, incident);
        if (!dm.isEmpty()) {
            // A user id as the channel: Slack opens the DM with the bot.
            outbox.send(OutboxMessage.post(key, g.requester(), dm).key(key + ":dm:" + g.state().label()));
        }
    }

    private static String channel(Incident incident) {
        return incident.channelId().orElse(incident.declaredIn().orElse(null));
    }

    private static List<LayoutBlock> blocks(AccessGrant g, String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.add(context(c -> c.elements(List.of(markdownText(AccessWords.status(g))))));
        if (g.state() == AccessState.REQUESTED) {
            String id = Long.toString(g.id());
            List<BlockElement> buttons = List.of(button(AccessSlackIds.GRANT, "Grant", id, "primary"),
                    button(AccessSlackIds.DENY, "Deny", id, "danger"));
            blocks.add(actions(a -> a.blockId(AccessSlackIds.ACTIONS_BLOCK + ":" + id).elements(buttons)));
        }
        return blocks;
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return com.slack.api.model.block.element.BlockElements.button(x -> x.actionId(actionId).text(plainText(label))
                .value(value).style(style));
    }
}
