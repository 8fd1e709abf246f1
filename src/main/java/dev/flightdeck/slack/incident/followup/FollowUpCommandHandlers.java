package dev.flightdeck.slack.incident.followup;

import dev.flightdeck.incident.followup.FollowUpExports;
import dev.flightdeck.incident.followup.FollowUpResult;
import dev.flightdeck.incident.followup.FollowUps;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.incident.IncidentLanes;
import dev.flightdeck.slack.incident.IncidentRefusals;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@code /incident follow-up} and {@code /incident follow-ups}: one use case call, words, and the card after the ack. */
@Factory
public class FollowUpCommandHandlers {

    private final FollowUps followUps;
    private final FollowUpExports exports;
    private final IncidentLanes lanes;
    private final dev.flightdeck.incident.followup.FollowUpNews news;

    public FollowUpCommandHandlers(FollowUps followUps, FollowUpExports exports, IncidentLanes lanes,
                                   dev.flightdeck.incident.followup.FollowUpNews news) {
        this.followUps = followUps;
        this.exports = exports;
        this.lanes = lanes;
        this.news = news;
    }

    @Singleton
    CommandHandler<IncidentCommand.AddFollowUp> addFollowUp() {
        return CommandHandler.of(IncidentCommand.AddFollowUp.class, (c, in) -> {
            FollowUpResult result = followUps.add(c.incidentId(), in.channelId(), c.text(), Optional.empty(),
                    c.ownerId(), c.due(), in.userId());
            afterAdding(result);
            return reply(c, result);
        });
    }

    @Singleton
    CommandHandler<IncidentCommand.ListFollowUps> listFollowUps() {
        return CommandHandler.of(IncidentCommand.ListFollowUps.class, (c, in) -> reply(c,
                followUps.list(c.everyone() ? Optional.empty() : Optional.of(c.ownerId().orElse(in.userId())), false)));
    }

    /** After the ack: the card shows the new follow-up, and its issue is opened (the waker catches up if not). */
    void afterAdding(FollowUpResult result) {
        if (result instanceof FollowUpResult.Added a) {
            news.changed(a.incident());
            long id = a.followUp().id();
            lanes.run(() -> exports.exportNow(id));
        }
    }

    CommandReply reply(Object command, FollowUpResult result) {
        String text = FollowUpWords.answer(result, followUps.today(), no -> IncidentRefusals.text(no.why()));
        return result instanceof FollowUpResult.Done ? CommandReply.ok(command, text) : CommandReply.refused(command, text);
    }
}
