package dev.flightdeck.slack.incident.followup;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.followup.FollowUpResult;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUps;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.api.ResponseUrlSender;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.edge.AfterAck;
import dev.flightdeck.slack.incident.IncidentRefusals;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The "Make follow-up" message shortcut (the message's text and link become a follow-up of the channel's incident,
 * owned by whoever used it, due on the default day) and the reminder DM's buttons Done and Snooze a week. Each is
 * acked at once and answered through its response URL after the work.
 */
@Singleton
public class FollowUpClicks implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpClicks.class);
    static final String NOT_AN_INCIDENT_CHANNEL = "Make follow-up works on messages in an incident's channel. "
            + "Elsewhere, name the incident: `/incident follow-up INC-12 <text>`.";
    static final String NO_TEXT = "That message has no text to make a follow-up of. Use "
            + "`/incident follow-up <text>` instead.";

    private final FollowUps followUps;
    private final FollowUpCommandHandlers handlers;
    private final SlackGateway gateway;
    private final ResponseUrlSender responses;
    private final AfterAck afterAck;

    public FollowUpClicks(FollowUps followUps, FollowUpCommandHandlers handlers, SlackGateway gateway,
                          ResponseUrlSender responses, AfterAck afterAck) {
        this.followUps = followUps;
        this.handlers = handlers;
        this.gateway = gateway;
        this.responses = responses;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.messageShortcut(FollowUpSlackIds.SHORTCUT, (req, ctx) -> {
            MessageShortcutPayload p = req.getPayload();
            afterAck.run(FollowUpSlackIds.SHORTCUT, () -> makeFollowUp(p));
            return ctx.ack();
        });
        app.blockAction(FollowUpSlackIds.DONE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            afterAck.run(FollowUpSlackIds.DONE, () -> click(p, id -> followUps.close(id, FollowUpState.DONE,
                    p.getUser().getId(), "marked done from the reminder")));
            return ctx.ack();
        });
        app.blockAction(FollowUpSlackIds.SNOOZE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            afterAck.run(FollowUpSlackIds.SNOOZE, () -> click(p, id -> followUps.snooze(id, p.getUser().getId())));
            return ctx.ack();
        });
    }

    void makeFollowUp(MessageShortcutPayload p) {
        String channel = p.getChannel() == null ? null : p.getChannel().getId();
        String text = p.getMessage() == null || p.getMessage().getText() == null ? ""
                : Mrkdwn.fromSlack(p.getMessage().getText()).strip();
        String ts = p.getMessage() != null && p.getMessage().getTs() != null ? p.getMessage().getTs() : p.getMessageTs();
        FollowUpResult result = followUps.add(Optional.empty(), channel, text,
                text.isEmpty() ? Optional.empty() : permalink(channel, ts), Optional.empty(), Optional.empty(),
                p.getUser().getId());
        handlers.afterAdding(result);
        String answer;
        if (result instanceof FollowUpResult.NoIncident no && no.why() instanceof IncidentResult.NotAnIncidentChannel) {
            answer = NOT_AN_INCIDENT_CHANNEL;
        } else if (result instanceof FollowUpResult.NoText) {
            answer = NO_TEXT;
        } else {
            answer = FollowUpWords.answer(result, followUps.today(), n -> IncidentRefusals.text(n.why()));
        }
        respond(p.getResponseUrl(), answer);
    }

    private Optional<String> permalink(String channel, String ts) {
        if (channel == null || ts == null) {
            return Optional.empty();
        }
        try {
            ChatGetPermalinkResponse r = gateway.call("chat.getPermalink",
                    c -> c.chatGetPermalink(q -> q.channel(channel).messageTs(ts))).get(15, TimeUnit.SECONDS);
            if (!r.isOk()) {
                LOG.warn("chat.getPermalink answered {}; the follow-up is made without its link", r.getError());
                return Optional.empty();
            }
            return Optional.ofNullable(r.getPermalink());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("chat.getPermalink failed ({}); the follow-up is made without its link", e.toString());
            return Optional.empty();
        }
    }

    private void click(BlockActionPayload p, java.util.function.LongFunction<FollowUpResult> action) {
        String value = p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
        String answer;
        if (value == null || !value.matches("[0-9]{1,18}")) {
            answer = "This button names no follow-up.";
        } else {
            answer = FollowUpWords.answer(action.apply(Long.parseLong(value)), followUps.today(),
                    n -> IncidentRefusals.text(n.why()));
        }
        respond(p.getResponseUrl(), answer);
    }

    private void respond(String responseUrl, String text) {
        if (responseUrl == null || responseUrl.isBlank()) {
            LOG.warn("no response URL to answer a follow-up click with");
            return;
        }
        responses.respond(responseUrl, text, List.of());
    }
}
