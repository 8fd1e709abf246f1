package dev.flightdeck.slack.envconfig;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;

import dev.flightdeck.text.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Block Kit message that stays within Slack's limits: at most {@value #MAX_BLOCKS} blocks and
 * {@value #MAX_SECTION_TEXT} characters a section text. Lines are packed into sections whole; when the blocks run
 * out, what is left is counted in a closing line ("…and 12 more keys not shown"), never dropped silently or cut
 * mid-word. One block is always kept in reserve for that line.
 */
public final class BlockBudget {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_LINE = MAX_SECTION_TEXT - 100;

    private final List<LayoutBlock> blocks = new ArrayList<>();
    private final List<String> omissions = new ArrayList<>();

    public BlockBudget header(String plain) {
        if (room() > 0) {
            blocks.add(HeaderBlock.builder().text(PlainTextObject.builder()
                    .text(Texts.shorten(plain, MAX_HEADER_TEXT)).emoji(true).build()).build());
        }
        return this;
    }

    public BlockBudget text(String mrkdwn) {
        return lines(List.of(mrkdwn), "lines");
    }

    public BlockBudget divider() {
        if (room() > 1) {
            blocks.add(DividerBlock.builder().build());
        }
        return this;
    }

    public BlockBudget context(String mrkdwn) {
        if (room() > 0) {
            blocks.add(contextBlock(Texts.shorten(mrkdwn, MAX_LINE)));
        }
        return this;
    }

    /**
     * Adds the lines, packed into as few sections as fit. {@code unit} names what a line is ("keys", "alarms") for
     * the count of those that did not fit.
     */
    public BlockBudget lines(List<String> lines, String unit) {
        StringBuilder section = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = Texts.shorten(lines.get(i), MAX_LINE);
            if (section.length() > 0 && section.length() + 1 + line.length() > MAX_SECTION_TEXT) {
                if (room() <= 1) {
                    omit(lines.size() - i, unit);
                    return flushIfRoom(section);
                }
                blocks.add(section(section.toString()));
                section.setLength(0);
            }
            if (section.length() == 0 && room() <= 0) {
                omit(lines.size() - i, unit);
                return this;
            }
            if (section.length() > 0) {
                section.append('\n');
            }
            section.append(line);
        }
        return flushIfRoom(section);
    }

    private void omit(int count, String unit) {
        String one = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        omissions.add(Texts.plural(count, one, unit));
    }

    private BlockBudget flushIfRoom(StringBuilder section) {
        if (section.length() > 0) {
            blocks.add(section(section.toString()));
        }
        return this;
    }

    /** The blocks, with the closing count of what was left out if anything was. */
    public List<LayoutBlock> build() {
        List<LayoutBlock> out = new ArrayList<>(blocks);
        if (!omissions.isEmpty()) {
            out.add(contextBlock("…and " + String.join(", ", omissions) + " not shown: Slack allows " + MAX_BLOCKS
                    + " blocks a message."));
        }
        return out;
    }

    public boolean truncated() {
        return !omissions.isEmpty();
    }

    /** Blocks still free, keeping one in reserve for the omission line. */
    private int room() {
        return MAX_BLOCKS - 1 - blocks.size();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private static ContextBlock contextBlock(String mrkdwn) {
        return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(mrkdwn).build())).build();
    }
}
