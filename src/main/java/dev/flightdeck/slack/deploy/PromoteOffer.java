package dev.flightdeck.slack.deploy;

import com.slack.api.model.Attachment;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElements;
import dev.flightdeck.deploy.BuildNews;
import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.PromoteDeploy;
import dev.flightdeck.team.TeamConfig;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The Promote buttons on a success: the thread copy of a SUCCEEDED build notice in an environment that others take
 * versions from carries one button per such environment, inside its green bar. The channel copy stays a notice.
 */
final class PromoteOffer {
    private PromoteOffer() {
    }

    static List<Attachment> threadCopy(TeamConfig team, DeployRequest r, BuildNews news, List<Attachment> colourBar) {
        List<String> targets = news.status() == BuildPhase.SUCCEEDED ? PromoteDeploy.targets(team, r.environment()) : List.of();
        if (targets.isEmpty()) {
            return colourBar;
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(news.text()))));
        blocks.add(section(s -> s.text(markdownText(PromoteWords.offer(r, targets)))));
        // An action_id is unique within its block: one actions block per target environment.
        for (String target : targets) {
            blocks.add(actions(a -> a.blockId(DeploySlackIds.DEPLOY_PROMOTE + ":" + target).elements(List.of(
                    BlockElements.button(b -> b.actionId(DeploySlackIds.DEPLOY_PROMOTE).style("primary")
                            .text(plainText(PromoteWords.button(target))).value(r.id() + ":" + target))))));
        }
        return List.of(Attachment.builder().color(BuildNewsMessages.colour(BuildPhase.SUCCEEDED)).fallback(news.text())
                .blocks(blocks).build());
    }
}
