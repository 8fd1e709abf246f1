package dev.flightdeck.slack.alarms;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import dev.flightdeck.alarms.AlertEpisodes;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.edge.AfterAck;
import dev.flightdeck.slack.incident.DeclarePrefill;
import dev.flightdeck.slack.incident.IncidentModals;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The buttons on an alarm episode's message. Each click is acked at once and decided after the ack. Acknowledge
 * records who is on it (the message then shows them; a second click is answered, only to its clicker, with who was
 * first). Declare incident opens the incident declare form pre-filled from the alarm, carrying the episode, so that
 * declaring links the alarm on the incident's timeline ({@link AlertIncidentLink}). Runbook is a link: Slack opens it
 * and still sends the click, which is only acked.
 */
@Singleton
public class AlertButtons implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlertButtons.class);
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final Provider<AlertEpisodes> episodes;
    private final SlackGateway gateway;
    private final AfterAck afterAck;

    public AlertButtons(Provider<AlertEpisodes> episodes, SlackGateway gateway, AfterAck afterAck) {
        this.episodes = episodes;
        this.gateway = gateway;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(AlertSlackIds.ACK, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            afterAck.run(AlertSlackIds.ACK, () -> acknowledge(click));
            return ctx.ack();
        });
        app.blockAction(AlertSlackIds.DECLARE, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            String triggerId = req.getPayload().getTriggerId();
            // The trigger id lives 3 s from the click: the form is opened first thing after the ack.
            afterAck.run(AlertSlackIds.DECLARE, () -> declare(click, triggerId));
            return ctx.ack();
        });
        app.blockAction(AlertSlackIds.RUNBOOK, (req, ctx) -> ctx.ack());
    }

    private void acknowledge(Click click) {
        if (click.episode().isEmpty()) {
            tell(click, AlertWords.notAnEpisode());
            return;
        }
        String refused = AlertWords.refused(episodes.get().acknowledge(click.episode().getAsLong(), click.user()));
        if (!refused.isEmpty()) {
            tell(click, refused);
        }
    }

    private void declare(Click click, String triggerId) {
        if (click.episode().isEmpty()) {
            tell(click, AlertWords.notAnEpisode());
            return;
        }
        long id = click.episode().getAsLong();
        Optional<AlertEpisodes.DeclareForm> form = episodes.get().declareForm(id);
        if (form.isEmpty()) {
            tell(click, AlertWords.noEpisode(id));
            return;
        }
        AlertEpisodes.DeclareForm f = form.get();
        DeclarePrefill prefill = new DeclarePrefill(click.channel() == null ? "" : click.channel(), f.title(), f.severity(),
                Optional.of(AlertWords.declareContext(f)), AlertIncidentLink.origin(id));
        Optional<String> failed = open(triggerId, prefill);
        if (failed.isPresent()) {
            LOG.warn("declare form for alarm episode {} not opened: {}", id, failed.get());
            tell(click, AlertWords.formFailed());
        }
    }

    /** The Slack error when the form could not be opened (e.g. {@code expired_trigger_id}). */
    private Optional<String> open(String triggerId, DeclarePrefill prefill) {
        try {
            var r = gateway.call("views.open", c -> c.viewsOpen(x -> x.triggerId(triggerId)
                    .view(IncidentModals.declare(prefill)))).get(15, TimeUnit.SECONDS);
            return r.isOk() ? Optional.empty() : Optional.of(r.getError());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName());
        }
    }

    private void tell(Click click, String text) {
        if (click.channel() == null) {
            return;
        }
        gateway.postEphemeral(ChatPostEphemeralRequest.builder().channel(click.channel()).user(click.user()).text(text)
                .build()).whenComplete((r, e) -> {
                    if (e != null || !r.isOk()) {
                        LOG.warn("could not answer {} about an alarm: {}", click.user(), e != null ? e.getMessage() : r.getError());
                    }
                });
    }

    static OptionalLong episodeId(String value) {
        return value != null && ID.matcher(value).matches() ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
    }

    /** Who clicked which episode's button, where. */
    record Click(String user, String channel, OptionalLong episode) {
        static Click of(BlockActionPayload p) {
            String value = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : p.getContainer() != null ? p.getContainer().getChannelId() : null;
            return new Click(p.getUser().getId(), channel, episodeId(value));
        }
    }
}
