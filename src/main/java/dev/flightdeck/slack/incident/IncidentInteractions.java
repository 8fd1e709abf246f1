package dev.flightdeck.slack.incident;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.model.view.ViewState;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResolution;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.incident.IncidentModals;
import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.incident.FreezeRefusal;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident buttons (claim the communicator role or name someone from the card, open the update form) and the
 * three incident forms.
 */
@Singleton
public class IncidentInteractions implements SlackListener {

    private final IncidentService incidents;
    private final IncidentFollowUps followUps;
    private final IncidentResolution resolution;
    private final Modals modals;
    private final SlackGateway gateway;
    private final List<DeclaredFrom> origins;
    private final StatusForms statusForms;

    public IncidentInteractions(IncidentService incidents, IncidentFollowUps followUps, IncidentResolution resolution,
                                Modals modals, SlackGateway gateway, List<DeclaredFrom> origins, StatusForms statusForms) {
        this.origins = origins;
        this.statusForms = statusForms;
        this.incidents = incidents;
        this.followUps = followUps;
        this.resolution = resolution;
        this.modals = modals;
        this.gateway = gateway;
    }

    @Override
    public void register(App app) {
        app.blockAction(IncidentSlackIds.INCIDENT_CLAIM_COMMUNICATOR, this::claim);
        app.blockAction(IncidentSlackIds.INCIDENT_NAME_COMMUNICATOR, this::nameCommunicator);
        app.blockAction(IncidentSlackIds.INCIDENT_OPEN_UPDATE, this::openUpdate);
        app.viewSubmission(IncidentSlackIds.INCIDENT_UPDATE_MODAL, this::submitUpdate);
        app.viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, this::submitResolve);
        app.viewSubmission(IncidentSlackIds.INCIDENT_DECLARE_MODAL, this::submitDeclare);
    }

    private Response claim(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String user = p.getUser().getId();
        IncidentResult result = followUps.show(incidents.assignRole(Optional.of(value(p)), null,
                IncidentRole.COMMUNICATOR, user, user));
        tell(p, user, result);
        return ctx.ack();
    }

    /** Someone picked a person in the card's ask: as {@code /incident role communicator @them}, by the picker. */
    private Response nameCommunicator(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String user = p.getUser().getId();
        BlockActionPayload.Action action = p.getActions().get(0);
        Optional<String> id = IncidentCard.askedFor(action.getBlockId());
        if (id.isPresent() && action.getSelectedUser() != null) {
            tell(p, user, followUps.show(incidents.assignRole(id, null, IncidentRole.COMMUNICATOR,
                    action.getSelectedUser(), user)));
        }
        return ctx.ack();
    }

    private Response openUpdate(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        IncidentResult found = incidents.lookUp(Optional.of(value(p)), null);
        if (found instanceof IncidentResult.Found f && f.incident().isOpen()) {
            modals.open(p.getTriggerId(), IncidentModals.update(f.incident()));
        } else {
            tell(p, p.getUser().getId(), found instanceof IncidentResult.Found f
                    ? f.incident().id() + " is resolved." : Replies.text(found));
        }
        return ctx.ack();
    }

    private Response submitUpdate(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var view = req.getPayload().getView();
        Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
        String text = input(values, IncidentSlackIds.INCIDENT_INPUT_TEXT);
        if (text.isBlank()) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(IncidentSlackIds.INCIDENT_INPUT_TEXT, "Write the update.")));
        }
        Optional<IncidentStatus> status = IncidentStatus.parse(input(values, IncidentSlackIds.INCIDENT_INPUT_STATUS));
        if (StatusForms.ticked(values, IncidentSlackIds.INCIDENT_INPUT_PUBLISH)) {
            Optional<String> refused = statusForms.submitUpdate(view.getPrivateMetadata(), status, text.strip(),
                    req.getPayload().getUser().getId());
            return refused.isEmpty() ? ctx.ack() : ctx.ack(r -> r.responseAction("errors")
                    .errors(Map.of(IncidentSlackIds.INCIDENT_INPUT_PUBLISH, refused.get())));
        }
        IncidentResult result = followUps.show(incidents.update(Optional.of(view.getPrivateMetadata()), null, status,
                text.strip(), req.getPayload().getUser().getId()));
        return ackOrError(ctx, result, IncidentSlackIds.INCIDENT_INPUT_TEXT);
    }

    private Response submitResolve(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var view = req.getPayload().getView();
        Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
        Optional<Long> number = Incident.numberOf(view.getPrivateMetadata());
        if (number.isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY,
                    "This form does not name an incident; run /incident resolve again.")));
        }
        Incident.SummaryText parts = new Incident.SummaryText(
                input(values, IncidentSlackIds.INCIDENT_INPUT_SUMMARY).strip(),
                input(values, IncidentSlackIds.INCIDENT_INPUT_AFFECTED).strip(),
                input(values, IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED).strip(),
                input(values, IncidentSlackIds.INCIDENT_INPUT_PREVENTION).strip());
        String user = req.getPayload().getUser().getId();
        boolean publish = StatusForms.ticked(values, IncidentSlackIds.INCIDENT_INPUT_PUBLISH_SUMMARY);
        Optional<Incident> before = publish ? incidents.find(number.get()) : Optional.empty();
        Optional<String> refused = before.flatMap(i -> statusForms.summaryRefusal(i, parts, user));
        if (refused.isPresent()) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(
                    IncidentSlackIds.INCIDENT_INPUT_PUBLISH_SUMMARY, refused.get())));
        }
        IncidentResult result = followUps.show(resolution.resolve(number.get(), parts, user));
        if (result instanceof IncidentResult.Resolved resolved && publish) {
            statusForms.publishSummary(resolved.incident(), parts, user);
        }
        return ackOrError(ctx, result, IncidentSlackIds.INCIDENT_INPUT_SUMMARY);
    }

    private Response submitDeclare(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var view = req.getPayload().getView();
        Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
        String title = input(values, IncidentSlackIds.INCIDENT_INPUT_TITLE).strip();
        if (title.isEmpty()) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(IncidentSlackIds.INCIDENT_INPUT_TITLE, "Say what is wrong.")));
        }
        // Stored as typed (modal input arrives unescaped); whatever shows it escapes it.
        String stored = title;
        if (stored.length() > IncidentCommand.Declare.MAX_TITLE) {
            // The column's limit: refused here with the reason, not by the database.
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(IncidentSlackIds.INCIDENT_INPUT_TITLE, "At most "
                    + IncidentCommand.Declare.MAX_TITLE + " characters, please (this is " + stored.length() + ").")));
        }
        Severity severity = Severity.parse(input(values, IncidentSlackIds.INCIDENT_INPUT_SEVERITY)).orElse(Severity.SEV3);
        String user = req.getPayload().getUser().getId();
        DeclarePrefill.Metadata from = DeclarePrefill.Metadata.parse(view.getPrivateMetadata());
        String channel = from.channelId();
        IncidentResult result = followUps.show(incidents.declare(stored, severity, user, channel));
        if (result instanceof IncidentResult.Declared declared && from.origin().isPresent()) {
            String origin = from.origin().get();
            origins.stream().filter(o -> o.handles(origin)).forEach(o -> o.declared(origin, declared.incident(), user));
        }
        if (result instanceof IncidentResult.Declared && channel != null && !channel.isBlank()) {
            ephemeral(channel, user, Replies.text(result));
        }
        return ackOrError(ctx, result, IncidentSlackIds.INCIDENT_INPUT_TITLE);
    }

    private static Response ackOrError(ViewSubmissionContext ctx, IncidentResult result, String block) {
        if (result instanceof IncidentResult.Refused refused) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(block, Mrkdwn.unescape(Replies.text(refused)))));
        }
        if (result instanceof IncidentResult.NotAllowed no) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(block, FreezeRefusal.plain(no.why()))));
        }
        return ctx.ack();
    }

    /** A select's chosen value, or a text input's value; "" when absent. */
    static String input(Map<String, Map<String, ViewState.Value>> values, String id) {
        Map<String, ViewState.Value> block = values == null ? null : values.get(id);
        ViewState.Value v = block == null ? null : block.get(id);
        if (v == null) {
            return "";
        }
        if (v.getSelectedOption() != null && v.getSelectedOption().getValue() != null) {
            return v.getSelectedOption().getValue();
        }
        return v.getValue() == null ? "" : v.getValue();
    }

    private static String value(BlockActionPayload p) {
        return p.getActions().get(0).getValue();
    }

    private void tell(BlockActionPayload p, String user, IncidentResult result) {
        tell(p, user, Replies.text(result));
    }

    private void tell(BlockActionPayload p, String user, String text) {
        String channel = p.getContainer() != null ? p.getContainer().getChannelId() : null;
        if (channel != null) {
            ephemeral(channel, user, text);
        }
    }

    private void ephemeral(String channel, String user, String text) {
        gateway.postEphemeral(ChatPostEphemeralRequest.builder().channel(channel).user(user).text(text).build());
    }
}
