package dev.flightdeck.slack.deploy.flags;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.deploy.flags.FlagsSinceLastDeploy;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * "Flags changed since the last deploy" in the go/no-go message (issue 19): one small section above the status, the
 * latest five flips in the environment (flag, on/off, who, when, kill switch said) and how many came before.
 */
@Singleton
public class FlagsSinceBlocks {

    private static final Logger LOG = LoggerFactory.getLogger(FlagsSinceBlocks.class);

    private final FlagsSinceLastDeploy since;

    public FlagsSinceBlocks(FlagsSinceLastDeploy since) {
        this.since = since;
    }

    public List<LayoutBlock> into(DeployRequest r, List<LayoutBlock> blocks) {
        Optional<FlagsSinceLastDeploy.Section> section;
        try {
            section = since.of(r);
        } catch (RuntimeException e) {
            // A help to the approver, never a reason to hold the go/no-go message back.
            LOG.warn("could not list the flags changed for deploy #{}", r.id(), e);
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

    static String text(FlagsSinceLastDeploy.Section section) {
        StringBuilder s = new StringBuilder("*Flags changed since the last deploy*");
        for (FlagRequest f : section.shown()) {
            s.append("\n• ").append(Mrkdwn.code(f.flagKey())).append(" turned ").append(f.target())
                    .append(" by <@").append(f.appliedBy()).append(">");
            if (f.timers().finishedAt() != null) {
                s.append(", ").append(SlackTime.of(f.timers().finishedAt()));
            }
            s.append(" (").append(f.number()).append(f.isKillSwitch() ? ", kill switch" : "").append(")");
        }
        if (section.earlier() > 0) {
            s.append("\n… and ").append(section.earlier()).append(section.atLeast() ? "+" : "")
                    .append(" more before these (the latest are shown)");
        }
        return s.toString();
    }
}
