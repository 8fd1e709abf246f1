package dev.flightdeck.archfixture.slack.command;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/** A deliberate violation, for ArchitectureRulesAreLiveTest: command parsing that returns Slack SDK blocks. */
public final class SlackyParser {

    public List<LayoutBlock> parse(String text) {
        return List.of();
    }
}
