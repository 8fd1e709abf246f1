package dev.flightdeck.slack.envconfig.change;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.envconfig.RuleResult;
import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.slack.envconfig.RuleDetails;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The config change request as posted to the environment's channel and redrawn in place: what changes (old → new for
 * a plain key, fingerprints only for a secret), who proposed it, the rules run with the proposed value, where the
 * decision stands, and the buttons that still apply. The plain {@code text} reads like a deploy's go/no-go.
 *
 * @param approverMentions the approvers as mentions, e.g. {@code <!subteam^S1> <@U0LEAD>}
 * @param decidedBy        who moved it to its current state, when known (for "REJECTED by <@U>")
 */
public record ChangeRequestMessage(ConfigChange change, EnvironmentConfig env, String approverMentions,
                                   Optional<String> decidedBy) {

    /** A value longer than this is shortened in the message; the request still carries all of it. */
    static final int MAX_VALUE = 300;
    private static final int MAX_TEXT = 2900;

    public String text() {
        String verb = change.kind() == ChangeKind.UNSET ? "remove " : "change ";
        String about = "I'm about to " + verb + ChangeWords.what(change);
        return env.announceOnly() ? about : about + ", " + approverMentions + " am I clear to go?";
    }

    public List<LayoutBlock> blocks() {
        ConfigChange c = change;
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = ":gear: *" + ChangeWords.upper(c.environment()) + "* config change #" + c.id() + ": *"
                + Mrkdwn.escape(c.key()) + "* of *" + Mrkdwn.escape(c.service()) + "*";
        blocks.add(section(s -> s.text(markdownText(title + "\n" + text()))));
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*Proposed by*\n<@" + c.proposerId() + ">"));
        fields.add(markdownText("*" + (c.target().isSecret() ? "Fingerprint" : "Value") + "*\n" + values(c)));
        fields.add(markdownText("*Approvals*\n" + (env.announceOnly() ? "none needed (announce only)"
                : c.approvedBy().size() + " of " + env.approvals() + " from " + approverMentions)));
        fields.add(markdownText("*Stored in*\n" + Mrkdwn.code(c.target().source()) + " (" + Mrkdwn.escape(c.target().type())
                + (c.value().baseVersion().isEmpty() ? "" : ", version " + Mrkdwn.escape(c.value().baseVersion())) + ")"));
        blocks.add(section(s -> s.fields(fields)));
        List<TextObject> notes = new ArrayList<>();
        c.revertOf().ifPresent(id -> notes.add(markdownText(":rewind: reverts change #" + id)));
        if (c.target().isSecret()) {
            notes.add(markdownText(":lock: a secret: only fingerprints are shown, never the value"));
        }
        if (!c.state().isFinal() && c.timers() != null && c.timers().expiresAt() != null) {
            notes.add(markdownText("Expires " + SlackTime.of(c.timers().expiresAt())));
        }
        if (!notes.isEmpty()) {
            blocks.add(context(x -> x.elements(new ArrayList<>(notes))));
        }
        blocks.add(section(s -> s.text(markdownText(Texts.cut("*Rules*\n" + rules(c), MAX_TEXT)))));
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(Texts.cut(status(), MAX_TEXT)))));
        List<BlockElement> buttons = buttons(c);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId(ConfigChangeSlackIds.ACTIONS_BLOCK + ":" + c.id()).elements(buttons)));
        }
        return blocks;
    }

    /** Old → new: escaped values in code spans for a plain key, fingerprints for a secret. */
    static String values(ConfigChange c) {
        if (c.target().isSecret()) {
            String before = c.value().hadValue() ? Mrkdwn.code(c.value().oldFingerprint()) : "(new key)";
            String after = c.kind() == ChangeKind.UNSET || c.value().newFingerprint().isEmpty() ? "(removed)"
                    : Mrkdwn.code(c.value().newFingerprint());
            return before + " → " + after;
        }
        String before = c.value().oldValue().map(v -> Mrkdwn.code(Texts.shorten(v, MAX_VALUE))).orElse("(new key)");
        String after = c.kind() == ChangeKind.UNSET ? "(removed)"
                : c.value().newValue().map(v -> Mrkdwn.code(Texts.shorten(v, MAX_VALUE))).orElse("(removed)");
        return before + " → " + after;
    }

    static String rules(ConfigChange c) {
        if (c.rules().isEmpty()) {
            return "No rule covers " + Mrkdwn.escape(c.key()) + ".";
        }
        String lines = c.rules().stream().map(r -> icon(r) + " *" + r.rule().label() + "*: " + RuleDetails.detail(r))
                .collect(Collectors.joining("\n"));
        if (c.blocked()) {
            lines += "\n:no_entry: blocked — an approver may override with a reason";
        }
        if (c.override().isPresent()) {
            lines += "\n:warning: overridden by <@" + c.override().get().userId() + ">: _"
                    + Mrkdwn.escape(Texts.cut(c.override().get().reason(), 500)) + "_";
        }
        return lines;
    }

    private static String icon(RuleResult r) {
        return switch (r.outcome()) {
            case PASS -> ":white_check_mark:";
            case WARN -> ":warning:";
            case FAIL, UNKNOWN -> ":no_entry:";
        };
    }

    private String status() {
        ConfigChange c = change;
        String by = decidedBy.map(u -> " by <@" + u + ">").orElse("");
        StringBuilder s = new StringBuilder("*Status:* ");
        switch (c.state()) {
            case PROPOSED -> s.append(c.blocked() ? "blocked by a rule" : "waiting for a go");
            case APPLYING -> s.append("writing to AWS");
            case APPLIED -> s.append("APPLIED").append(c.newVersion().isEmpty() ? ""
                    : " (version " + Mrkdwn.escape(c.value().baseVersion().isEmpty() ? "none" : c.value().baseVersion())
                    + " → " + Mrkdwn.escape(c.newVersion()) + ")");
            case FAILED -> s.append("FAILED: the write did not happen. Retry, or cancel.");
            case CONFLICTED -> s.append("CONFLICTED: nothing written, the stored value changed since the proposal");
            default -> s.append(c.state().name()).append(by);
        }
        c.outcome().ifPresent(o -> s.append("\n").append(Mrkdwn.escape(Texts.cut(o, 500))));
        for (String approver : c.approvedBy()) {
            s.append("\n:white_check_mark: go from <@").append(approver).append(">");
        }
        if (c.state() == ChangeState.PROPOSED && c.timers() != null && c.timers().nudges() > 0) {
            s.append("\nReminded ").append(c.timers().nudges()).append(c.timers().nudges() == 1 ? " time" : " times");
        }
        return s.toString();
    }

    private static List<BlockElement> buttons(ConfigChange c) {
        String id = String.valueOf(c.id());
        List<BlockElement> b = new ArrayList<>();
        if (c.state() == ChangeState.PROPOSED) {
            b.add(button(ConfigChangeSlackIds.GO, "Go", id, "primary"));
            b.add(button(ConfigChangeSlackIds.NOGO, "No-go", id, "danger"));
            b.add(button(ConfigChangeSlackIds.CANCEL, "Cancel", id, null));
            if (c.blocked()) {
                b.add(button(ConfigChangeSlackIds.OVERRIDE, "Override", id, "danger"));
            }
        } else if (c.state() == ChangeState.FAILED) {
            b.add(button(ConfigChangeSlackIds.RETRY, "Retry", id, "primary"));
            b.add(button(ConfigChangeSlackIds.CANCEL, "Cancel", id, null));
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
