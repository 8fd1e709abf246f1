package dev.flightdeck.slack.envconfig;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/** A message ready to send: {@code text} is the notification and fallback, {@code blocks} what is shown. */
public record Rendered(String text, List<LayoutBlock> blocks) {
    public Rendered {
        blocks = List.copyOf(blocks);
    }

    public static Rendered plain(String text) {
        return new Rendered(text, new BlockBudget().text(text).build());
    }
}
