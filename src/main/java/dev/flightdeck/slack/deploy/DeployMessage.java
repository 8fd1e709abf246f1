package dev.flightdeck.slack.deploy;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.DeployView;
import dev.flightdeck.text.Mrkdwn;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import dev.flightdeck.slack.blocks.SlackTime;

/**
 * The go/no-go message: what build, which environment and version, who runs it, the checks,
 * and where the decision stands. The plain {@code text} is the team's own convention and is what notifications show.
 *
 * @param approverMentions the approvers as mentions, e.g. {@code <!subteam^S1> <@U0LEAD>}
 * @param buildJob         e.g. "Jenkins job commons-prod-server"
 * @param pageUrl          the deploy's web page (approvals, checks, timings)
 */
public record DeployMessage(DeployView view, EnvironmentConfig env, String approverMentions, String buildJob, String pageUrl) {

    private static final int MAX_CHECK_TEXT = 400;

    public String text() {
        DeployRequest r = view.request();
        String build = "a " + r.envUpper() + " build of " + r.service() + " using version " + r.version()
                + (r.isRollback() ? " (rollback)" : "");
        if (!r.runnerId().equals(r.requesterId())) {
            return "<@" + r.runnerId() + "> please run " + build;
        }
        if (env.announceOnly()) {
            return "I'm about to run " + build;
        }
        return "I'm about to run " + build + ", " + approverMentions + " am I clear to go?";
    }

    public List<LayoutBlock> blocks() {
        DeployRequest r = view.request();
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = (r.isRollback() ? ":rewind: *ROLLBACK* " : "") + "*" + r.envUpper() + "* deploy #" + r.id()
                + ": *" + r.service() + "* `" + r.version() + "`";
        blocks.add(section(s -> s.text(markdownText(title + "\n" + text()))));
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*Build*\n" + buildJob));
        fields.add(markdownText("*Environment*\n" + r.envUpper()));
        fields.add(markdownText("*Requester*\n" + DeployWords.user(r.requesterId())));
        fields.add(markdownText("*Runner*\n<@" + r.runnerId() + ">"));
        fields.add(markdownText("*Approvals*\n" + (env.announceOnly() ? "none needed (announce only)"
                : view.approvals().size() + " of " + r.approvalsRequired() + " from " + approverMentions)));
        fields.add(markdownText("*Requested*\n" + SlackTime.of(r.requestedAt())));
        blocks.add(section(s -> s.fields(fields)));
        blocks.add(context(c -> c.elements(List.of(markdownText("<" + pageUrl + "|Deploy #" + r.id() + " page>")))));
        r.noteText().ifPresent(note -> blocks.add(context(c -> c.elements(List.of(markdownText("Note: " + Mrkdwn.escape(cut(note, 1000))))))));
        blocks.add(section(s -> s.text(markdownText("*Checks*\n" + checks()))));
        blocks.addAll(ChecklistBlocks.of(view));
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(status()))));
        List<BlockElement> buttons = buttons(r);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId(DeploySlackIds.DEPLOY_ACTIONS_BLOCK).elements(buttons)));
        }
        return blocks;
    }

    private String checks() {
        return view.checks().stream().map(c -> {
            String icon = c.holding() ? ":hourglass_flowing_sand:"
                    : !c.blocked() && !c.waiting() ? ":white_check_mark:" : c.overridden() ? ":warning:" : ":no_entry:";
            String line = icon + " *" + c.name() + "*: " + cut(c.text(), MAX_CHECK_TEXT);
            if (c.overridden()) {
                line += "\n      overridden by <@" + c.overriddenBy() + ">: _" + Mrkdwn.escape(cut(c.overrideReason(), MAX_CHECK_TEXT)) + "_";
            }
            return line;
        }).collect(Collectors.joining("\n"));
    }

    private String status() {
        DeployRequest r = view.request();
        StringBuilder s = new StringBuilder("*Status:* " + r.state().name().replace('_', ' '));
        String by = r.stateActor() == null || r.stateActor().startsWith("system:") ? "" : " by <@" + r.stateActor() + ">";
        if (r.state() != DeployState.REQUESTED) {
            s.append(by).append(" at ").append(SlackTime.of(r.stateChangedAt()));
        } else if (view.blocked()) {
            s.append(" (blocked: an approver can override with a reason)");
        }
        if (r.state().awaitsDecision() || r.state() == DeployState.APPROVED) {
            s.append(heldNote());
        }
        if (r.stateReason() != null) {
            s.append("\n").append(r.state() == DeployState.REJECTED ? "No-go: " : "Reason: ").append(Mrkdwn.escape(cut(r.stateReason(), 500)));
        }
        for (Approval a : view.approvals()) {
            s.append("\n:white_check_mark: go from <@").append(a.approverId()).append("> at ").append(SlackTime.of(a.at()));
        }
        if (r.buildLabel() != null || r.buildUrl() != null) {
            s.append("\nBuild: ").append(r.buildLabel() == null ? "" : r.buildLabel())
                    .append(r.buildUrl() == null ? "" : " <" + r.buildUrl() + "|open>");
        }
        return s.toString();
    }

    /** Gate ci: CI still running holds the start (not the goes); red after the goes blocks it. */
    private String heldNote() {
        if (view.checks().stream().anyMatch(CheckResult::holding)) {
            return "\n:hourglass_flowing_sand: the build cannot start until "
                    + view.checks().stream().filter(CheckResult::holding).map(CheckResult::name).collect(Collectors.joining(", "))
                    + " passes (or an approver overrides)";
        }
        if (view.request().state() == DeployState.APPROVED && view.blocked()) {
            return "\n:no_entry: the build cannot start: an approver can override with a reason";
        }
        return "";
    }

    private List<BlockElement> buttons(DeployRequest r) {
        String id = String.valueOf(r.id());
        List<BlockElement> b = new ArrayList<>();
        switch (r.state()) {
            case REQUESTED:
                b.add(button(DeploySlackIds.DEPLOY_GO, "Go", id, "primary"));
                b.add(button(DeploySlackIds.DEPLOY_NOGO, "No-go", id, "danger"));
                b.add(button(DeploySlackIds.DEPLOY_START, "Start", id, null));
                b.add(button(DeploySlackIds.DEPLOY_CANCEL, "Cancel", id, null));
                if (view.checks().stream().anyMatch(CheckResult::stopsStart)) {
                    b.add(button(DeploySlackIds.DEPLOY_OVERRIDE, "Override", id, "danger"));
                }
                break;
            case APPROVED:
                b.add(button(DeploySlackIds.DEPLOY_START, "Start", id, "primary"));
                b.add(button(DeploySlackIds.DEPLOY_CANCEL, "Cancel", id, null));
                if (view.checks().stream().anyMatch(CheckResult::stopsStart)) {
                    b.add(button(DeploySlackIds.DEPLOY_OVERRIDE, "Override", id, "danger"));
                }
                break;
            case TRIGGER_FAILED:
                b.add(button(DeploySlackIds.DEPLOY_RETRY, "Retry", id, "primary"));
                b.add(button(DeploySlackIds.DEPLOY_CANCEL, "Cancel", id, null));
                break;
            default:
                break;
        }
        return b;
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return com.slack.api.model.block.element.BlockElements.button(x -> {
            x.actionId(actionId).text(plainText(label)).value(value);
            return style == null ? x : x.style(style);
        });
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
