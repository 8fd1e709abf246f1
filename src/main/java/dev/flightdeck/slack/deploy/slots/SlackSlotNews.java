package dev.flightdeck.slack.deploy.slots;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.flightdeck.deploy.slots.SlotClaim;
import dev.flightdeck.deploy.slots.SlotNews;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * {@link SlotNews} as direct messages (a post to the user's id opens the DM), through the outbox so that a Slack
 * outage delays them and loses none. Each is keyed by claim, event and version, so a repeated pass queues it once.
 */
@Singleton
@Requires(beans = Outbox.class)
public class SlackSlotNews implements SlotNews {

    private final Outbox outbox;

    public SlackSlotNews(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void granted(SlotClaim claim) {
        dm(claim, "granted", SlotWords.granted(claim), List.of());
    }

    @Override
    public void expiring(SlotClaim claim, boolean canExtend) {
        String text = SlotWords.expiring(claim, canExtend);
        List<BlockElement> buttons = new ArrayList<>();
        String id = String.valueOf(claim.id());
        if (canExtend) {
            buttons.add(button(SlotSlackIds.SLOT_EXTEND, "Extend", id, "primary"));
        }
        buttons.add(button(SlotSlackIds.SLOT_RELEASE, "Release", id, null));
        List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))),
                actions(a -> a.blockId(SlotSlackIds.SLOT_ACTIONS_BLOCK + ":" + id).elements(buttons)));
        dm(claim, "expiring", text, blocks);
    }

    @Override
    public void expired(SlotClaim claim) {
        dm(claim, "expired", SlotWords.expired(claim), List.of());
    }

    @Override
    public void releasedFor(SlotClaim claim, String by) {
        dm(claim, "released", SlotWords.releasedFor(claim, by), List.of());
    }

    /** A DM to whoever clicked a slot button: the answer to the click. */
    void tell(String userId, String text) {
        outbox.send(OutboxMessage.post("slot-dm:" + userId, userId, text));
    }

    private void dm(SlotClaim claim, String event, String text, List<LayoutBlock> blocks) {
        OutboxMessage m = OutboxMessage.post("slot-dm:" + claim.userId(), claim.userId(), text)
                .key("slot:" + claim.id() + ":" + event + ":" + claim.version());
        outbox.send(blocks.isEmpty() ? m : m.blocks(blocks));
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return ButtonElement.builder().actionId(actionId).text(PlainTextObject.builder().text(label).build())
                .value(value).style(style).build();
    }
}
