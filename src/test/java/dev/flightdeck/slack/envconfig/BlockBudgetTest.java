package dev.flightdeck.slack.envconfig;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.flightdeck.slack.envconfig.BlockBudget;
import dev.flightdeck.text.Texts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Block Kit limits: 50 blocks, 3,000 characters a section; what does not fit is counted, nothing cut mid-word. */
class BlockBudgetTest {

    static List<String> lines(int n, int width) {
        return IntStream.range(0, n).mapToObj(i -> String.format("line-%05d ", i) + "x".repeat(width)).toList();
    }

    static String textOf(LayoutBlock b) {
        if (b instanceof SectionBlock s) {
            return s.getText().getText();
        }
        if (b instanceof ContextBlock c) {
            return ((MarkdownTextObject) c.getElements().get(0)).getText();
        }
        return "";
    }

    @Test
    void linesThatFitAreAllShownPackedIntoSectionsOfAtMost3000Characters() {
        List<LayoutBlock> blocks = new BlockBudget().header("Config").lines(lines(400, 60), "keys").build();

        assertThat(blocks.size()).isLessThanOrEqualTo(BlockBudget.MAX_BLOCKS);
        String all = String.join("\n", blocks.stream().map(BlockBudgetTest::textOf).toList());
        for (String line : lines(400, 60)) {
            assertThat(all).contains(line);
        }
        assertThat(blocks).allSatisfy(b -> assertThat(textOf(b).length()).isLessThanOrEqualTo(BlockBudget.MAX_SECTION_TEXT));
    }

    @Test
    void tooManyLinesAreCountedNotDroppedSilently() {
        BlockBudget budget = new BlockBudget().header("Config").context("summary");
        List<String> lines = lines(5000, 60);
        List<LayoutBlock> blocks = budget.lines(lines, "keys").lines(List.of("a", "b"), "alarms").build();

        assertThat(blocks).hasSize(BlockBudget.MAX_BLOCKS);
        assertThat(budget.truncated()).isTrue();
        List<String> shown = new ArrayList<>();
        blocks.stream().filter(b -> b instanceof SectionBlock).forEach(b -> shown.addAll(List.of(textOf(b).split("\n"))));
        String last = textOf(blocks.get(blocks.size() - 1));
        assertThat(last).isEqualTo("…and " + (5000 - shown.size()) + " keys, 2 alarms not shown: Slack allows 50 blocks a message.");
        assertThat(shown).isEqualTo(lines.subList(0, shown.size()));
        assertThat(blocks).allSatisfy(b -> assertThat(textOf(b).length()).isLessThanOrEqualTo(BlockBudget.MAX_SECTION_TEXT));
    }

    @Test
    void aSingleLineLongerThanASectionIsShortenedAtAWordBoundaryAndSaysSo() {
        String words = "word ".repeat(1000).trim();
        List<LayoutBlock> blocks = new BlockBudget().lines(List.of(words), "lines").build();

        String text = textOf(blocks.get(0));
        assertThat(text.length()).isLessThanOrEqualTo(BlockBudget.MAX_SECTION_TEXT);
        assertThat(text).matches("(word )+… \\(\\d+ more characters\\)");
    }

    @Test
    void shorteningNeverCutsInsideAWord() {
        assertThat(Texts.shorten("https://sqs.us-east-1.amazonaws.com/123456789012/commons-prod-emails", 40))
                .isEqualTo("https://sqs.us-east-1.amazonaws.com … (33 more characters)");
        assertThat(Texts.shorten("x".repeat(100), 40)).isEqualTo("(100 characters, too long to show)");
        assertThat(Texts.shorten("short", 40)).isEqualTo("short");
    }
}
