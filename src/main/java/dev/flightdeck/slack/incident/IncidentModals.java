package dev.flightdeck.slack.incident;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.Arrays;
import java.util.List;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The incident forms. Each input's block id and action id are the same {@link IncidentSlackIds} constant. */
public final class IncidentModals {

    private static final int MAX_INPUT = 3000;

    private IncidentModals() {
    }

    /** private_metadata: the channel it was opened from, where the declarer hears back. */
    public static View declare(String channelId) {
        return modal(IncidentSlackIds.INCIDENT_DECLARE_MODAL, "Declare incident", "Declare", channelId, List.of(
                text(IncidentSlackIds.INCIDENT_INPUT_TITLE, "What is wrong?", "", false, false),
                select(IncidentSlackIds.INCIDENT_INPUT_SEVERITY, "Severity",
                        Arrays.stream(Severity.values()).map(s -> option(s.label(), s.name())).toList(),
                        option(Severity.SEV3.label(), Severity.SEV3.name()))));
    }

    /**
     * The same form, filled in: the title and severity proposed, a note on where it came from above them, and the
     * origin in private_metadata so the submission tells that origin's {@link DeclaredFrom}.
     */
    public static View declare(DeclarePrefill p) {
        List<LayoutBlock> blocks = new java.util.ArrayList<>();
        p.note().ifPresent(note -> blocks.add(section(s -> s.text(markdownText(Texts.cut(note, MAX_INPUT))))));
        blocks.add(text(IncidentSlackIds.INCIDENT_INPUT_TITLE, "What is wrong?",
                Texts.cut(p.title(), IncidentCommand.Declare.MAX_TITLE), false, false));
        blocks.add(select(IncidentSlackIds.INCIDENT_INPUT_SEVERITY, "Severity",
                Arrays.stream(Severity.values()).map(s -> option(s.label(), s.name())).toList(),
                option(p.severity().label(), p.severity().name())));
        return modal(IncidentSlackIds.INCIDENT_DECLARE_MODAL, "Declare incident", "Declare", p.metadata(), blocks);
    }

    public static View update(Incident i) {
        List<OptionObject> statuses = Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isOpen)
                .map(s -> option(s.label(), s.name())).toList();
        return modal(IncidentSlackIds.INCIDENT_UPDATE_MODAL, "Post update", "Post", i.id(), List.of(
                section(s -> s.text(markdownText("*" + i.id() + "* (" + i.severity().label() + "): " + Mrkdwn.escape(i.title())
                        + "\nPosted in the incident channel and to the stakeholder channel."))),
                select(IncidentSlackIds.INCIDENT_INPUT_STATUS, "Status", statuses, option(i.status().label(), i.status().name())),
                text(IncidentSlackIds.INCIDENT_INPUT_TEXT, "What is the status? Who is affected? What's next?", "", true, false),
                StatusForms.updateBox()));
    }

    public static View resolve(Incident i, Incident.SummaryText draft) {
        return modal(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, "Resolve " + i.id(), "Resolve", i.id(), List.of(
                section(s -> s.text(markdownText("Resolving *" + i.id() + "*: " + Mrkdwn.escape(i.title()) + ". Pre-filled from the "
                        + "record: edit it into the summary stakeholders will read."))),
                text(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, IncidentSummary.SUMMARY, draft.summary(), true, false),
                text(IncidentSlackIds.INCIDENT_INPUT_AFFECTED, IncidentSummary.AFFECTED, draft.affected(), true, false),
                text(IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED, IncidentSummary.WHAT_HAPPENED, draft.whatHappened(), true, false),
                text(IncidentSlackIds.INCIDENT_INPUT_PREVENTION, IncidentSummary.PREVENTION, draft.prevention(), true, false),
                StatusForms.summaryBox()));
    }

    private static View modal(String callbackId, String title, String submit, String metadata, List<LayoutBlock> blocks) {
        return view(v -> v.type("modal").callbackId(callbackId).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(Texts.cut(title, 24))))
                .submit(viewSubmit(t -> t.type("plain_text").text(submit)))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    private static LayoutBlock text(String id, String label, String initial, boolean multiline, boolean optional) {
        return input(in -> in.blockId(id).optional(optional).label(plainText(Texts.cut(label, 2000)))
                .element(plainTextInput(p -> p.actionId(id).multiline(multiline).maxLength(MAX_INPUT)
                        .initialValue(initial == null || initial.isEmpty() ? null : initial))));
    }

    private static LayoutBlock select(String id, String label, List<OptionObject> options, OptionObject initial) {
        return input(in -> in.blockId(id).label(plainText(label))
                .element(staticSelect(s -> s.actionId(id).options(options).initialOption(initial))));
    }

    private static OptionObject option(String text, String value) {
        return OptionObject.builder().text(plainText(text)).value(value).build();
    }
}
