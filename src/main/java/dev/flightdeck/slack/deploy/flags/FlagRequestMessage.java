package dev.flightdeck.slack.deploy.flags;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.deploy.flags.FlagState;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * A flag request as posted to the environment's channel and redrawn in place: which flag, which way, who asked, where
 * the decision stands, and the buttons that still apply. The plain {@code text} reads like a deploy's go/no-go:
 * {@code I'm about to turn flag new-emails off in PROD, <!subteam^S1> am I clear to go?}. A kill switch says so loudly.
 *
 * @param provider         "LaunchDarkly" or "Flagsmith"
 * @param approverMentions the approvers as mentions
 * @param decidedBy        who moved it to its current state, when known
 */
public record FlagRequestMessage(FlagRequest request, EnvironmentConfig env, String provider, String approverMentions,
                                 Optional<String> decidedBy) {

    public String text() {
        FlagRequest r = request;
        String what = "flag " + Mrkdwn.escape(r.flagKey()) + " " + r.target() + " in " + FlagWords.upper(r.environment());
        if (r.isKillSwitch()) {
            return ":rotating_light: KILL SWITCH: <@" + r.requesterId() + ">, commander of INC-"
                    + r.killSwitchIncident().get() + ", is turning " + what + " without waiting for approval";
        }
        String about = "I'm about to turn " + what;
        return env.announceOnly() ? about : about + ", " + approverMentions + " am I clear to go?";
    }

    public List<LayoutBlock> blocks() {
        FlagRequest r = request;
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = (r.isKillSwitch() ? ":rotating_light: *KILL SWITCH* " : ":triangular_flag_on_post: ")
                + "*" + FlagWords.upper(r.environment()) + "* flag request " + r.number() + ": turn *"
                + Mrkdwn.escape(r.flagKey()) + "* *" + r.target() + "*";
        blocks.add(section(s -> s.text(markdownText(title + "\n" + text()))));
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*Requested by*\n<@" + r.requesterId() + ">"));
        fields.add(markdownText("*Provider*\n" + Mrkdwn.escape(provider) + " environment "
                + Mrkdwn.code(r.providerEnvironment())));
        fields.add(markdownText("*Approvals*\n" + approvals()));
        fields.add(markdownText("*Change*\n" + (r.turnOn() ? "off → *on*" : "on → *off*")));
        blocks.add(section(s -> s.fields(fields)));
        if (!r.state().isFinal() && r.state() != FlagState.APPLYING && r.timers().expiresAt() != null) {
            blocks.add(context(x -> x.elements(List.of(markdownText("Expires " + SlackTime.of(r.timers().expiresAt()))))));
        }
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(Texts.cut(status(), 2900)))));
        List<BlockElement> buttons = buttons(r);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId(FlagSlackIds.ACTIONS_BLOCK + ":" + r.id()).elements(buttons)));
        }
        return blocks;
    }

    private String approvals() {
        if (request.isKillSwitch()) {
            return "none: a kill switch flipped by the commander of INC-" + request.killSwitchIncident().get();
        }
        if (env.announceOnly()) {
            return "none needed (announce only)";
        }
        return request.approvedBy().size() + " of " + env.approvals() + " from " + approverMentions;
    }

    private String status() {
        FlagRequest r = request;
        String by = decidedBy.map(u -> " by <@" + u + ">").orElse("");
        StringBuilder s = new StringBuilder("*Status:* ");
        switch (r.state()) {
            case REQUESTED -> s.append("waiting for a go");
            case APPLYING -> s.append("turning it ").append(r.target()).append(" now");
            case APPLIED -> s.append("APPLIED: ").append(Mrkdwn.escape(r.flagKey())).append(" is ").append(r.target())
                    .append(r.timers().finishedAt() == null ? "" : " since " + SlackTime.of(r.timers().finishedAt()));
            case FAILED -> s.append("FAILED: the flag did not change. Retry, or cancel.");
            default -> s.append(r.state().name()).append(by);
        }
        r.outcome().ifPresent(o -> s.append("\n").append(Mrkdwn.escapeForeign(Texts.cut(o, 500))));
        for (String approver : r.approvedBy()) {
            s.append("\n:white_check_mark: go from <@").append(approver).append(">");
        }
        if (r.state() == FlagState.REQUESTED && r.timers().nudges() > 0) {
            s.append("\nReminded ").append(r.timers().nudges()).append(r.timers().nudges() == 1 ? " time" : " times");
        }
        return s.toString();
    }

    private static List<BlockElement> buttons(FlagRequest r) {
        String id = String.valueOf(r.id());
        List<BlockElement> b = new ArrayList<>();
        if (r.state() == FlagState.REQUESTED) {
            b.add(button(FlagSlackIds.GO, "Go", id, "primary"));
            b.add(button(FlagSlackIds.NOGO, "No-go", id, "danger"));
            b.add(button(FlagSlackIds.CANCEL, "Cancel", id, null));
        } else if (r.state() == FlagState.FAILED) {
            b.add(button(FlagSlackIds.RETRY, "Retry", id, "primary"));
            b.add(button(FlagSlackIds.CANCEL, "Cancel", id, null));
        }
        return b;
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return com.slack.api.model.block.element.BlockElements.button(x -> {
            x.actionId(actionId).text(plainText(label)).value(value);
            return style == null ? x : x.style(style);
        });
    }
}
