package dev.flightdeck.slack.incident.access;

import dev.flightdeck.incident.access.AccessOutcome;
import dev.flightdeck.incident.access.IncidentAccess;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.deploy.ApproverMentions;
import dev.flightdeck.slack.incident.IncidentCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * {@code /incident access …}: parse (done) → one use-case call → words. The request message itself goes to the
 * incident's channel through the outbox; the person asking gets the answer.
 */
@Factory
public class AccessCommands {

    private final IncidentAccess access;
    private final ApproverMentions mentions;

    public AccessCommands(IncidentAccess access, ApproverMentions mentions) {
        this.access = access;
        this.mentions = mentions;
    }

    @Singleton
    CommandHandler<IncidentCommand.Access> request() {
        return CommandHandler.of(IncidentCommand.Access.class, (c, in) -> reply(c, access.request(c.incidentId(),
                in.channelId(), in.userId(), c.permissionSet(), c.duration(), c.reason())));
    }

    @Singleton
    CommandHandler<IncidentCommand.AccessList> list() {
        return CommandHandler.of(IncidentCommand.AccessList.class, (c, in) -> reply(c, access.live(c.incidentId(),
                in.channelId())));
    }

    private CommandReply reply(Object command, AccessOutcome outcome) {
        String text = AccessWords.answer(outcome, mentions::of);
        return outcome instanceof AccessOutcome.Requested || outcome instanceof AccessOutcome.Live
                ? CommandReply.ok(command, text) : CommandReply.refused(command, text);
    }
}
