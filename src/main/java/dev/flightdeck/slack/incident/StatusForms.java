package dev.flightdeck.slack.incident;

import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.ViewState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.status.PublishResult;
import dev.flightdeck.incident.status.StatusPageLink;
import dev.flightdeck.incident.status.StatusPublishing;
import dev.flightdeck.slack.api.SlackGateway;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;

/** The status page's boxes in the update and resolve forms, and what ticking them does on submit. */
@Singleton
public class StatusForms {

    private final StatusPublishing publishing;
    private final IncidentFollowUps followUps;
    private final SlackGateway gateway;
    private final StatusPageLink link;

    public StatusForms(StatusPublishing publishing, IncidentFollowUps followUps, SlackGateway gateway,
                       StatusPageLink link) {
        this.publishing = publishing;
        this.followUps = followUps;
        this.gateway = gateway;
        this.link = link;
    }

    static LayoutBlock updateBox() {
        return box(IncidentSlackIds.INCIDENT_INPUT_PUBLISH, "Status page", "Also publish on the status page",
                "Anyone can read it there: name no one. The commander or the communicator may publish.");
    }

    static LayoutBlock summaryBox() {
        return box(IncidentSlackIds.INCIDENT_INPUT_PUBLISH_SUMMARY, "Status page",
                "Publish the summary on the status page",
                "The four parts above, as written, for anyone to read: name no one. Only the commander may publish.");
    }

    private static LayoutBlock box(String id, String label, String text, String description) {
        OptionObject option = OptionObject.builder().text(plainText(text)).description(plainText(description))
                .value(IncidentSlackIds.PUBLISH_OPTION).build();
        return input(in -> in.blockId(id).optional(true).label(plainText(label))
                .element(checkboxes(c -> c.actionId(id).options(List.of(option)))));
    }

    static boolean ticked(Map<String, Map<String, ViewState.Value>> values, String id) {
        Map<String, ViewState.Value> block = values == null ? null : values.get(id);
        ViewState.Value v = block == null ? null : block.get(id);
        return v != null && v.getSelectedOptions() != null && v.getSelectedOptions().stream()
                .anyMatch(o -> IncidentSlackIds.PUBLISH_OPTION.equals(o.getValue()));
    }

    /** The update form with its box ticked: the form's error under the box when refused, else empty (posted). */
    Optional<String> submitUpdate(String incidentId, Optional<IncidentStatus> status, String text, String user) {
        PublishResult result = publishing.update(Optional.of(incidentId), null, status, text, user);
        if (result instanceof PublishResult.Published p) {
            followUps.show(p.updated());
            p.updated().incident().channelId().ifPresent(channel -> ephemeral(channel, user,
                    StatusWords.published(p.updated(), link.statusPage())));
            return Optional.empty();
        }
        return Optional.of(StatusWords.updateFormError(result));
    }

    /** Before resolving with the box ticked: the form's error under the box when this person may not publish it. */
    Optional<String> summaryRefusal(Incident incident, Incident.SummaryText parts, String user) {
        return publishing.summaryRefusal(incident, parts, user).map(StatusWords::summaryFormError);
    }

    /** After the resolve: published, and the commander told so in the incident's channel. */
    void publishSummary(Incident incident, Incident.SummaryText parts, String user) {
        if (publishing.publishSummary(incident, parts, user)) {
            incident.channelId().ifPresent(channel -> ephemeral(channel, user, "The summary of " + incident.id()
                    + " is published on the <" + link.statusPage() + "|status page>."));
        }
    }

    private void ephemeral(String channel, String user, String text) {
        gateway.postEphemeral(ChatPostEphemeralRequest.builder().channel(channel).user(user).text(text).build());
    }
}
