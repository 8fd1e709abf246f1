package dev.flightdeck.slack.deploy;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.deploy.ConfigChangesSeen;
import dev.flightdeck.deploy.ConfigSinceLastDeploy;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * "Config changes since the last deploy" in the go/no-go message (issue 16 item 7): one small section above the
 * status, at most the latest five lines (key, version, who, when; never a value), and how many more came before them.
 */
@Singleton
public class ConfigSinceBlocks {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSinceBlocks.class);
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final int MAX_FOREIGN = 120;

    private final ConfigSinceLastDeploy since;
    private final dev.flightdeck.slack.deploy.flags.FlagsSinceBlocks flagsSince;

    public ConfigSinceBlocks(ConfigSinceLastDeploy since, dev.flightdeck.slack.deploy.flags.FlagsSinceBlocks flagsSince) {
        this.since = since;
        this.flagsSince = flagsSince;
    }

    /**
     * {@code blocks} with the section inserted before the status (the first divider), then the flags changed since the
     * last deploy (issue 19); unchanged when neither has anything.
     */
    public List<LayoutBlock> into(DeployRequest r, List<LayoutBlock> blocks) {
        return flagsSince.into(r, configInto(r, blocks));
    }

    private List<LayoutBlock> configInto(DeployRequest r, List<LayoutBlock> blocks) {
        Optional<ConfigSinceLastDeploy.Section> section;
        try {
            section = since.of(r);
        } catch (RuntimeException e) {
            // A help to the approver, never a reason to hold the go/no-go message back.
            LOG.warn("could not list the config changes for deploy #{}", r.id(), e);
            return blocks;
        }
        if (section.isEmpty()) {
            return blocks;
        }
        List<LayoutBlock> out = new ArrayList<>(blocks);
        int at = 0;
        while (at < out.size() && !(out.get(at) instanceof DividerBlock)) {
            at++;
        }
        out.add(at, section(s -> s.text(markdownText(text(section.get())))));
        return out;
    }

    static String text(ConfigSinceLastDeploy.Section section) {
        StringBuilder s = new StringBuilder("*Config changes since the last deploy*");
        for (ConfigChangesSeen.Change c : section.shown()) {
            s.append("\n• ").append(Mrkdwn.code(cut(c.key(), MAX_FOREIGN))).append(" version ")
                    .append(c.oldVersion().isEmpty() ? "none" : Mrkdwn.escapeForeign(cut(c.oldVersion(), 40)))
                    .append(" → ").append(Mrkdwn.escapeForeign(cut(c.newVersion(), 40)))
                    .append(" by ").append(who(c)).append(", ").append(SlackTime.of(c.at()));
        }
        if (section.earlier() > 0) {
            s.append("\n… and ").append(section.earlier()).append(section.atLeast() ? "+" : "")
                    .append(" more before these (the latest are shown)");
        }
        return s.toString();
    }

    private static String who(ConfigChangesSeen.Change c) {
        if (!c.outside()) {
            return SLACK_USER.matcher(c.actor()).matches() ? "<@" + c.actor() + ">" : "Flightdeck";
        }
        return c.actor().isBlank() ? "someone AWS did not name (outside Flightdeck)"
                : Mrkdwn.escapeForeign(cut(c.actor(), MAX_FOREIGN)) + " (outside Flightdeck)";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
