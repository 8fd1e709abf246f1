package dev.flightdeck.slack.incident.followup;

import dev.flightdeck.deploy.Links;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpNews;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.slack.incident.IncidentLanes;
import dev.flightdeck.slack.incident.SlackIncidentChannels;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * {@link FollowUpNews} on Slack. The reminder DM goes through the outbox to the owner's user id (Slack opens the DM),
 * under a message key of the follow-up and the reminder's count, so queueing the same reminder twice sends one DM.
 * A change redraws the incident card after the ack, in the incident's lane.
 */
@Singleton
public class SlackFollowUpNews implements FollowUpNews {

    private final Outbox outbox;
    private final Links links;
    private final IncidentLanes lanes;
    private final Provider<IncidentService> incidents;
    private final Provider<SlackIncidentChannels> channels;

    public SlackFollowUpNews(Outbox outbox, Links links, IncidentLanes lanes, Provider<IncidentService> incidents,
                             Provider<SlackIncidentChannels> channels) {
        this.outbox = outbox;
        this.links = links;
        this.lanes = lanes;
        this.incidents = incidents;
        this.channels = channels;
    }

    @Override
    public void remind(FollowUp f, Incident incident, boolean overdue) {
        outbox.send(OutboxMessage.post("follow-up:" + f.id(), f.owner(), FollowUpWords.reminderText(f, incident, overdue))
                .blocks(FollowUpWords.reminder(f, incident, overdue, links.incidentPage(incident.number())))
                .key("follow-up-remind:" + f.id() + ":" + f.reminders()));
    }

    @Override
    public void changed(Incident incident) {
        long n = incident.number();
        lanes.run(n, () -> incidents.get().find(n).ifPresent(fresh -> channels.get().updateCard(fresh)));
    }
}
