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
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

/**
 * The pinned incident card: one message per incident, rewritten in place on every change. While the incident is open
 * and nobody holds the communicator role, the card asks for one right under its header (DESIGN 5: asked at once,
 * with the declaration), with "I'll communicate" and a people picker to name someone else; the first rewrite after
 * someone is named shows them instead.
 */
public final class IncidentCard {

    /** The ask's block id is this, a colon, and the incident's id: a picked person carries no button value. */
    private static final String ASK_BLOCK = "incident_card_ask:";
    private static final String COMMUNICATOR_DOES = "The communicator keeps support, managers and stakeholders "
            + "informed with `/incident update` while the commander leads the response.";

    private IncidentCard() {
    }

    /** The message's text (notifications, screen readers): also says a communicator is wanted while one is. */
    public static String text(Incident i) {
        String text = i.id() + " (" + i.severity().label() + ", " + i.status().label() + "): " + Mrkdwn.escape(i.title());
        return asksForCommunicator(i) ? text + " — " + question(i) + " " + COMMUNICATOR_DOES : text;
    }

    static boolean asksForCommunicator(Incident i) {
        return i.isOpen() && i.communicatorId().isEmpty();
    }

    static String question(Incident i) {
        return "Who will communicate for " + i.id() + "?";
    }

    /** The incident a pick in the ask's people picker is for, from the block it came from. */
    static Optional<String> askedFor(String blockId) {
        return blockId != null && blockId.startsWith(ASK_BLOCK) && blockId.length() > ASK_BLOCK.length()
                ? Optional.of(blockId.substring(ASK_BLOCK.length())) : Optional.empty();
    }

    private static List<LayoutBlock> askBlocks(Incident i) {
        List<BlockElement> answers = List.of(
                button(b -> b.actionId(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR).value(i.id()).style("primary")
                        .text(plainText("I'll communicate"))),
                usersSelect(u -> u.actionId(IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR)
                        .placeholder(plainText("Name someone else"))));
        return List.of(section(s -> s.text(markdownText(":mega: *" + question(i) + "* " + COMMUNICATOR_DOES))),
                actions(a -> a.blockId(ASK_BLOCK + i.id()).elements(answers)));
    }

    public static List<LayoutBlock> blocks(Incident i) {
        return blocks(i, List.of());
    }

    /** The card with {@code sections} (other features' blocks, see {@link IncidentCardSection}) above its buttons. */
    public static List<LayoutBlock> blocks(Incident i, List<LayoutBlock> sections) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Texts.cut(i.id() + ": " + i.title(), 150)))));
        if (asksForCommunicator(i)) {
            blocks.addAll(askBlocks(i));
        }
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
            blocks.add(actions(a -> a.blockId("incident_card_actions").elements(List.of(
                    button(b -> b.actionId(IncidentSlackIds.INCIDENT_OPEN_UPDATE).value(i.id()).style("primary")
                            .text(plainText("Post update")))))));
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
