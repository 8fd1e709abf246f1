package dev.flightdeck.slack.incident;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The pinned incident card: one message per incident, rewritten in place on every change. */
public final class IncidentCard {

    private IncidentCard() {
    }

    public static String text(Incident i) {
        return i.id() + " (" + i.severity().label() + ", " + i.status().label() + "): " + Mrkdwn.escape(i.title());
    }

    public static List<LayoutBlock> blocks(Incident i) {
        return blocks(i, List.of());
    }

    /** The card with {@code sections} (other features' blocks, see {@link IncidentCardSection}) above its buttons. */
    public static List<LayoutBlock> blocks(Incident i, List<LayoutBlock> sections) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Texts.cut(i.id() + ": " + i.title(), 150)))));
        List<TextObject> fields = List.of(
                markdownText("*Severity*\n" + i.severity().label()),
                markdownText("*Status*\n" + i.status().label()),
                markdownText("*Commander*\n<@" + i.commanderId() + ">"),
                markdownText("*Communicator*\n" + i.communicatorId().map(c -> "<@" + c + ">").orElse("_none yet_")),
                markdownText("*Started*\n" + SlackTime.of(i.startedAt())),
                markdownText("*Last update*\n" + i.lastUpdateAt().map(SlackTime::of).orElse("_none yet_")));
        blocks.add(section(s -> s.fields(fields)));
        i.resolvedAt().ifPresent(end -> blocks.add(section(s -> s.text(markdownText("*Resolved* " + SlackTime.of(end))))));
        blocks.addAll(sections);
        if (i.isOpen()) {
            List<BlockElement> buttons = new ArrayList<>();
            buttons.add(button(b -> b.actionId(IncidentSlackIds.INCIDENT_OPEN_UPDATE).value(i.id()).style("primary")
                    .text(plainText("Post update"))));
            if (i.communicatorId().isEmpty()) {
                buttons.add(button(b -> b.actionId(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR).value(i.id())
                        .text(plainText("I'll communicate"))));
            }
            blocks.add(actions(a -> a.blockId("incident_card_actions").elements(buttons)));
        }
        return blocks;
    }

    /** The channel topic: what someone joining needs first. Slack topics are limited to 250 characters. */
    public static String topic(Incident i) {
        String roles = "IC <@" + i.commanderId() + ">, comms " + i.communicatorId().map(c -> "<@" + c + ">").orElse("none yet");
        String head = i.id() + " " + i.severity().label().toUpperCase() + " " + i.status().label() + " | " + roles + " | ";
        return head + Mrkdwn.escape(Texts.cut(i.title(), Math.max(10, 250 - head.length())));
    }

    static String date(Instant at) {
        return SlackTime.of(at);
    }
}
