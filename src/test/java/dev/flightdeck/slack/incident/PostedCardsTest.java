package dev.flightdeck.slack.incident;

import com.slack.api.model.block.LayoutBlock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

/** The memory that lets the end of set-up skip a card update: only an identical card this process posted is skipped. */
class PostedCardsTest {

    final PostedCards cards = new PostedCards();

    static List<LayoutBlock> blocks(String text) {
        return List.of(section(s -> s.text(markdownText(text))));
    }

    @Test
    void theCardAsPostedIsUnchangedOnceAndThenForgotten() {
        cards.remember("C1", "1.0001", "INC-1 (sev3)", blocks("*Communicator*\n_none yet_"));

        assertThat(cards.unchanged("C1", "1.0001", "INC-1 (sev3)", blocks("*Communicator*\n_none yet_"))).isTrue();
        assertThat(cards.unchanged("C1", "1.0001", "INC-1 (sev3)", blocks("*Communicator*\n_none yet_"))).isFalse();
    }

    @Test
    void aDifferentBlockTextOrAnotherCardIsNotUnchanged() {
        cards.remember("C1", "1.0001", "INC-1 (sev3)", blocks("*Communicator*\n_none yet_"));
        cards.remember("C2", "2.0001", "INC-2 (sev3)", blocks("*Communicator*\n_none yet_"));

        assertThat(cards.unchanged("C1", "1.0001", "INC-1 (sev3)", blocks("*Communicator*\n<@U1>"))).isFalse();
        assertThat(cards.unchanged("C2", "2.0001", "INC-2 (sev1)", blocks("*Communicator*\n_none yet_"))).isFalse();
        assertThat(cards.unchanged("C3", "3.0001", "INC-3 (sev3)", blocks("*Communicator*\n_none yet_"))).isFalse();
    }

    @Test
    void theOldestCardIsForgottenPastTheLimitSoItIsRefreshed() {
        cards.remember("C0", "0.0001", "INC-0", blocks("x"));
        for (int i = 1; i <= PostedCards.LIMIT; i++) {
            cards.remember("C" + i, i + ".0001", "INC-" + i, blocks("x"));
        }

        assertThat(cards.unchanged("C0", "0.0001", "INC-0", blocks("x"))).isFalse();
        assertThat(cards.unchanged("C1", "1.0001", "INC-1", blocks("x"))).isTrue();
    }
}
