package dev.flightdeck.slack.deploy;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.ContextBlockElement;
import dev.flightdeck.deploy.ChecklistItem;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.DeployView;
import dev.flightdeck.deploy.ChecklistLimits;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.element.BlockElements.checkboxes;

/**
 * The checklist part of the go/no-go message: a heading with how many items are ticked, the items as checkboxes
 * ({@code deploy_checklist}; ticked ones as {@code initial_options}) while the request waits, and a context line
 * naming who ticked what and when. Every item is shown escaped: items typed with a request are typed text, and a
 * team file's "&" must show as written.
 */
final class ChecklistBlocks {

    private static final AtomicLong REDRAWS = new AtomicLong();
    /** An item escaped is at most this long where it is shown as text (75 characters may grow by escaping). */
    private static final int SHOWN = 200;

    private ChecklistBlocks() {
    }

    static List<LayoutBlock> of(DeployView view) {
        List<ChecklistItem> items = view.checklist();
        if (items.isEmpty()) {
            return List.of();
        }
        long ticked = items.stream().filter(ChecklistItem::ticked).count();
        boolean open = DeployState.PENDING.contains(view.request().state());
        String heading = "*Checklist* (" + ticked + " of " + items.size() + " ticked)"
                + (open && ticked < items.size() ? ": the build starts only once every item is ticked" : "");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(heading))));
        if (open) {
            List<OptionObject> options = items.stream().map(ChecklistBlocks::optionOf).toList();
            List<OptionObject> initial = items.stream().filter(ChecklistItem::ticked).map(ChecklistBlocks::optionOf).toList();
            String blockId = blockId(view.request().id());
            blocks.add(actions(a -> a.blockId(blockId).elements(List.of(checkboxes(c -> {
                c.actionId(DeploySlackIds.DEPLOY_CHECKLIST).options(options);
                // Slack refuses an empty initial_options: leave it out when nothing is ticked.
                return initial.isEmpty() ? c : c.initialOptions(initial);
            })))));
        } else {
            blocks.add(section(s -> s.text(markdownText(items.stream().map(i -> (i.ticked() ? ":white_check_mark: "
                    : ":white_large_square: ") + fit(i.text(), SHOWN)).collect(Collectors.joining("\n"))))));
        }
        if (ticked > 0) {
            // One element per item: a context block takes 10, each of at most 3,000 characters.
            List<ContextBlockElement> who = items.stream().filter(ChecklistItem::ticked).<ContextBlockElement>map(i -> markdownText(
                    DeployWords.user(i.tickedBy()) + " ticked “" + fit(i.text(), SHOWN) + "” at "
                            + SlackTime.of(i.tickedAt()))).toList();
            blocks.add(context(c -> c.elements(List.copyOf(who))));
        }
        return blocks;
    }

    /** The option for an item: its ordinal as value, its text escaped and cut to Slack's 75 characters. */
    private static OptionObject optionOf(ChecklistItem item) {
        return option(markdownText(fit(item.text(), ChecklistLimits.MAX_ITEM_LENGTH)), String.valueOf(item.ordinal()));
    }

    /** The escaped text, at most {@code max} characters once escaped, never cutting an entity in two. */
    static String fit(String plain, int max) {
        String all = Mrkdwn.escape(plain);
        if (all.length() <= max) {
            return all;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            String next = Mrkdwn.escape(String.valueOf(plain.charAt(i)));
            if (out.length() + next.length() > max - 1) {
                break;
            }
            out.append(next);
        }
        return out.append('…').toString();
    }

    /** {@code deploy_checklist:<id>:<stamp>}, the stamp new on every redraw (see {@link DeploySlackIds#DEPLOY_CHECKLIST}). */
    static String blockId(long requestId) {
        return DeploySlackIds.DEPLOY_CHECKLIST + ":" + requestId + ":" + Long.toString(System.currentTimeMillis(), 36)
                + Long.toString(REDRAWS.incrementAndGet(), 36);
    }

    /** The request id in a checklist block id, or empty when it is not one. */
    static OptionalLong requestId(String blockId) {
        String[] parts = blockId == null ? new String[0] : blockId.split(":");
        if (parts.length < 2 || !parts[0].equals(DeploySlackIds.DEPLOY_CHECKLIST)) {
            return OptionalLong.empty();
        }
        return RequestIds.parse(parts[1]);
    }
}
