package dev.flightdeck.slack.incident.access;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import dev.flightdeck.incident.access.AccessJob;
import dev.flightdeck.incident.access.AccessOutcome;
import dev.flightdeck.incident.access.IncidentAccess;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.deploy.ApproverMentions;
import dev.flightdeck.slack.edge.AfterAck;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Grant and Deny on a break-glass request. Each click is acked at once and decided after the ack, where the use case
 * says who may decide; a refused click is answered to its clicker only and changes nothing. An accepted Grant asks
 * IAM Identity Center right away on the same pool (the job catches up if that fails).
 */
@Singleton
public class AccessButtons implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(AccessButtons.class);
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final Provider<IncidentAccess> access;
    private final Provider<AccessJob> job;
    private final SlackGateway gateway;
    private final ApproverMentions mentions;
    private final AfterAck afterAck;

    public AccessButtons(Provider<IncidentAccess> access, Provider<AccessJob> job, SlackGateway gateway,
                         ApproverMentions mentions, AfterAck afterAck) {
        this.access = access;
        this.job = job;
        this.gateway = gateway;
        this.mentions = mentions;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(AccessSlackIds.GRANT, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            afterAck.run(AccessSlackIds.GRANT, () -> decide(click, true));
            return ctx.ack();
        });
        app.blockAction(AccessSlackIds.DENY, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            afterAck.run(AccessSlackIds.DENY, () -> decide(click, false));
            return ctx.ack();
        });
    }

    private void decide(Click click, boolean grant) {
        if (click.request().isEmpty()) {
            tell(click, "That button names no access request.");
            return;
        }
        long id = click.request().getAsLong();
        AccessOutcome outcome = access.get().decide(id, click.user(), grant);
        if (outcome instanceof AccessOutcome.Granting) {
            job.get().grantNow(id);
        } else if (!(outcome instanceof AccessOutcome.Denied)) {
            tell(click, AccessWords.answer(outcome, mentions::of));
        }
    }

    private void tell(Click click, String text) {
        if (click.channel() == null) {
            return;
        }
        gateway.postEphemeral(ChatPostEphemeralRequest.builder().channel(click.channel()).user(click.user()).text(text)
                .build()).whenComplete((r, e) -> {
                    if (e != null || !r.isOk()) {
                        LOG.warn("could not answer {} about an access request: {}", click.user(),
                                e != null ? e.getMessage() : r.getError());
                    }
                });
    }

    record Click(String user, String channel, OptionalLong request) {
        static Click of(BlockActionPayload p) {
            String value = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : p.getContainer() != null ? p.getContainer().getChannelId() : null;
            return new Click(p.getUser().getId(), channel, value != null && ID.matcher(value).matches()
                    ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty());
        }
    }
}
