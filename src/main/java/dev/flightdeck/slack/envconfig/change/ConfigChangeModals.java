package dev.flightdeck.slack.envconfig.change;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.flightdeck.envconfig.change.ChangeOutcome;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The config change forms: the new value ({@code config set}) and the reason for overriding a failing rule. */
final class ConfigChangeModals {

    /** Slack's limit for a plain_text_input. */
    static final int MAX_VALUE = 3000;
    static final int MAX_REASON = 1000;
    static final String SECRET_WARNING = ":lock: This is a secret. The value will never be shown again — not in Slack, "
            + "not in Flightdeck: the request and its approvers see only fingerprints.";

    private ConfigChangeModals() {
    }

    /** Never pre-filled: a plain key's current value is shown above the input as context, a secret's not at all. */
    static View valueForm(ChangeOutcome.Ready ready, ChangeFormMetadata metadata) {
        ConfigTarget t = ready.target();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("New value for *" + Mrkdwn.escape(t.key()) + "* of *"
                + Mrkdwn.escape(t.service()) + "* in *" + ChangeWords.upper(t.environment()) + "*. The team's rules run on it, "
                + "then the environment's approvers decide, like a deploy."))));
        if (t.isSecret()) {
            blocks.add(section(s -> s.text(markdownText(SECRET_WARNING))));
        } else {
            String now = ready.current().map(v -> "Now: " + Mrkdwn.code(Texts.shorten(v, 1500)))
                    .orElse("Not set now: this adds the key.");
            blocks.add(context(c -> c.elements(List.of(markdownText(now)))));
        }
        blocks.add(input(i -> i.blockId(ConfigChangeSlackIds.VALUE).label(plainText("New value"))
                .element(plainTextInput(p -> p.actionId(ConfigChangeSlackIds.VALUE).maxLength(MAX_VALUE)))));
        return view(v -> v.type("modal").callbackId(ConfigChangeSlackIds.CHANGE_MODAL).privateMetadata(metadata.encode())
                .title(viewTitle(x -> x.type("plain_text").text("Propose a change")))
                .submit(viewSubmit(x -> x.type("plain_text").text("Propose")))
                .close(viewClose(x -> x.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** {@code privateMetadata}: "<change id>:<channel id>". */
    static View overrideReason(long changeId, String privateMetadata) {
        return view(v -> v.type("modal").callbackId(ConfigChangeSlackIds.OVERRIDE_MODAL).privateMetadata(privateMetadata)
                .title(viewTitle(x -> x.type("plain_text").text("Override the rules")))
                .submit(viewSubmit(x -> x.type("plain_text").text("Override")))
                .close(viewClose(x -> x.type("plain_text").text("Cancel")))
                .blocks(List.of(section(s -> s.text(markdownText("Override the failing rules of config change #" + changeId
                                + ". Your reason is recorded on the audit trail and shown in the request."))),
                        input(i -> i.blockId(ConfigChangeSlackIds.REASON).label(plainText("Reason"))
                                .element(plainTextInput(p -> p.actionId(ConfigChangeSlackIds.REASON).multiline(true)
                                        .maxLength(MAX_REASON)))))));
    }
}
