package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentChannels.Announcement;
import dev.flightdeck.incident.IncidentResolution;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentSetup;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * What Slack shows of an incident change, after the use case recorded it. Messages that tell of one change (an
 * update, a severity line) are queued at once, before the ack, rendered from that change, so they keep its words and
 * its order. What shows the current state (card, topic, invites, DMs, the summary) runs after the ack in the
 * incident's lane and reads the incident afresh, so the latest state wins when changes race.
 */
@Singleton
public class IncidentFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentFollowUps.class);

    private final SlackIncidentChannels channels;
    private final IncidentService incidents;
    private final IncidentSetup setup;
    private final IncidentResolution resolution;
    private final IncidentLanes lanes;

    public IncidentFollowUps(SlackIncidentChannels channels, IncidentService incidents, IncidentSetup setup,
                             IncidentResolution resolution, IncidentLanes lanes) {
        this.channels = channels;
        this.incidents = incidents;
        this.setup = setup;
        this.resolution = resolution;
        this.lanes = lanes;
    }

    /** Queues and schedules what {@code result} shows in Slack; returns it for the answer to the person. */
    public IncidentResult show(IncidentResult result) {
        if (result instanceof IncidentResult.Declared d) {
            // Not in the lane: the set-up takes its own lease in the database and may run for a while.
            long n = d.incident().number();
            lanes.run(() -> setup.runFirst(n));
        } else if (result instanceof IncidentResult.RoleAssigned r) {
            String line = Replies.roleLine(r) + " (set by <@" + r.actor() + ">).";
            afterwards(r.incident(), fresh -> steps(fresh,
                    () -> fresh.channelId().ifPresent(c -> channels.invite(c, List.of(r.userId()))),
                    () -> channels.briefRole(fresh, r.role(), r.userId()),
                    () -> channels.post(fresh, line),
                    () -> channels.updateCard(fresh),
                    () -> channels.setTopic(fresh)));
        } else if (result instanceof IncidentResult.Updated u) {
            steps(u.incident(), () -> channels.postUpdate(u.incident(), u.text(), u.actor()));
            afterwards(u.incident(), fresh -> steps(fresh, () -> channels.updateCard(fresh)));
        } else if (result instanceof IncidentResult.SeverityChanged s) {
            steps(s.incident(), () -> channels.post(s.incident(), Replies.severityLine(s) + " (by <@" + s.actor() + ">)."));
            afterwards(s.incident(), fresh -> steps(fresh,
                    () -> channels.updateCard(fresh),
                    () -> channels.setTopic(fresh),
                    () -> {
                        if (s.raised()) {
                            channels.announce(fresh, new Announcement.Raised(s.to()));
                        }
                    }));
        } else if (result instanceof IncidentResult.Resolved r) {
            afterwards(r.incident(), fresh -> steps(fresh,
                    () -> channels.postSummary(fresh, resolution.summary(fresh)),
                    () -> channels.updateCard(fresh),
                    () -> channels.setTopic(fresh),
                    () -> channels.announce(fresh, new Announcement.Resolved(r.took()))));
        }
        return result;
    }

    /** In the incident's lane, with the incident as it is when the work starts. */
    private void afterwards(Incident changed, Consumer<Incident> work) {
        long n = changed.number();
        lanes.run(n, () -> incidents.find(n).ifPresent(work));
    }

    /** Runs each step even when one before it failed: a failed invite must not also lose the card update. */
    private static void steps(Incident incident, Runnable... steps) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("A Slack step for {} failed; the record has the change: {}", incident.id(), e.toString());
            }
        }
    }
}
