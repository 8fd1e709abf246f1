package dev.flightdeck.slack.deploy;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.ChecklistLimits;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.RequestDeploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The deploy modals: the request form ({@code /deploy} alone), the no-go reason and the override reason. */
public final class DeployModals {
    /** Room for a full checklist with line breaks and some slack; what does not fit the limits is answered per item. */
    static final int CHECKLIST_INPUT = 2 * ChecklistLimits.MAX_ITEMS * (ChecklistLimits.MAX_ITEM_LENGTH + 1);

    private DeployModals() {
    }

    /** {@code privateMetadata} carries the channel the command was typed in, to answer there. */
    public static View requestForm(Collection<String> services, Collection<String> environments, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(DeploySlackIds.DEPLOY_FIELD_SERVICE).label(plainText("Service"))
                .element(staticSelect(s -> s.actionId(DeploySlackIds.DEPLOY_FIELD_SERVICE).options(options(services))))));
        blocks.add(input(i -> i.blockId(DeploySlackIds.DEPLOY_FIELD_VERSION).label(plainText("Version"))
                .element(plainTextInput(p -> p.actionId(DeploySlackIds.DEPLOY_FIELD_VERSION).maxLength(64)
                        .placeholder(plainText("e.g. 5.11.2"))))));
        blocks.add(input(i -> i.blockId(DeploySlackIds.DEPLOY_FIELD_ENV).label(plainText("Environment"))
                .element(staticSelect(s -> s.actionId(DeploySlackIds.DEPLOY_FIELD_ENV).options(options(environments))))));
        blocks.add(input(i -> i.blockId(DeploySlackIds.DEPLOY_FIELD_RUNNER).optional(true).label(plainText("Runner (default: you)"))
                .element(usersSelect(u -> u.actionId(DeploySlackIds.DEPLOY_FIELD_RUNNER)))));
        blocks.add(input(i -> i.blockId(DeploySlackIds.DEPLOY_FIELD_NOTE).optional(true).label(plainText("Note"))
                .element(plainTextInput(p -> p.actionId(DeploySlackIds.DEPLOY_FIELD_NOTE).multiline(true)
                        .maxLength(RequestDeploy.MAX_NOTE)))));
        blocks.add(input(i -> i.blockId(DeploySlackIds.DEPLOY_FIELD_CHECKLIST).optional(true)
                .label(plainText("Checklist (one item per line)"))
                .hint(plainText("Added to the team file's items; the build starts once every item is ticked. At most "
                        + ChecklistLimits.MAX_ITEMS + " items of " + ChecklistLimits.MAX_ITEM_LENGTH + " characters."))
                .element(plainTextInput(p -> p.actionId(DeploySlackIds.DEPLOY_FIELD_CHECKLIST).multiline(true)
                        .maxLength(CHECKLIST_INPUT)))));
        return view(v -> v.type("modal").callbackId(DeploySlackIds.DEPLOY_REQUEST_MODAL).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Request a deploy")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Request")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** {@code privateMetadata}: "<request id>:<channel id>". */
    public static View noGoReason(DeployRequest r, String privateMetadata) {
        return reasonForm(DeploySlackIds.DEPLOY_NOGO_MODAL, "No-go", "No-go for #" + r.id() + " (" + r.service() + " `" + r.version()
                + "` to *" + r.envUpper() + "*): why? Everyone in the thread will see it.", privateMetadata);
    }

    public static View overrideReason(DeployRequest r, List<CheckResult> blocking, String privateMetadata) {
        String checks = blocking.stream().map(c -> "• *" + c.name() + "*: " + c.text()).collect(Collectors.joining("\n"));
        return reasonForm(DeploySlackIds.DEPLOY_OVERRIDE_MODAL, "Override checks", "Override for #" + r.id() + " (" + r.service() + " `"
                + r.version() + "` to *" + r.envUpper() + "*):\n" + checks
                + "\nYour reason is recorded on the audit trail and shown in the message.", privateMetadata);
    }

    private static View reasonForm(String callbackId, String title, String explanation, String privateMetadata) {
        return view(v -> v.type("modal").callbackId(callbackId).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(section(s -> s.text(markdownText(DeployMessage.cut(explanation, 2900)))),
                        input(i -> i.blockId(DeploySlackIds.DEPLOY_REASON).label(plainText("Reason"))
                                .element(plainTextInput(p -> p.actionId(DeploySlackIds.DEPLOY_REASON).multiline(true)
                                        .maxLength(DeployService.MAX_REASON)))))));
    }

    private static List<OptionObject> options(Collection<String> names) {
        return names.stream().limit(100).map(n -> option(plainText(n), n)).toList();
    }
}
