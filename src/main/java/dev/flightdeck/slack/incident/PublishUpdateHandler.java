package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.status.PublishResult;
import dev.flightdeck.incident.status.StatusPageLink;
import dev.flightdeck.incident.status.StatusPublishing;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import jakarta.inject.Singleton;

/** {@code /incident update --public …}: posted as any update is, and published; or refused with nothing posted. */
@Singleton
public class PublishUpdateHandler implements CommandHandler<IncidentCommand.PublishUpdate> {

    private final StatusPublishing publishing;
    private final IncidentFollowUps followUps;
    private final StatusPageLink link;

    public PublishUpdateHandler(StatusPublishing publishing, IncidentFollowUps followUps, StatusPageLink link) {
        this.publishing = publishing;
        this.followUps = followUps;
        this.link = link;
    }

    @Override
    public Class<IncidentCommand.PublishUpdate> handles() {
        return IncidentCommand.PublishUpdate.class;
    }

    @Override
    public CommandReply handle(IncidentCommand.PublishUpdate c, Invocation in) {
        PublishResult result = publishing.update(c.incidentId(), in.channelId(),
                c.status().map(s -> IncidentStatus.valueOf(s.name())), c.text(), in.userId());
        if (result instanceof PublishResult.Published p) {
            followUps.show(p.updated());
            return CommandReply.ok(c, StatusWords.published(p.updated(), link.statusPage()));
        }
        return CommandReply.refused(c, StatusWords.refusal(result));
    }
}
