package dev.flightdeck.build;

import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.slack.deploy.BuildNewsMessages;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Announces a build Flightdeck did not start, in the team's convention and colour. */
@Singleton
public class ForeignBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignBuilds.class);

    private final TeamConfig team;
    private final Outbox outbox;

    public ForeignBuilds(TeamConfig team, Outbox outbox) {
        this.team = team;
        this.outbox = outbox;
    }

    public void announce(BuildEvent event, Optional<ServiceConfig> service, Optional<String> environment) {
        if (service.isEmpty()) {
            LOG.info("{} build {} {} belongs to no service in the team config; not announced",
                    event.backend(), event.label(), event.phase().word());
            return;
        }
        Optional<EnvironmentConfig> env = environment.flatMap(team::environment)
                .or(() -> team.environments().values().stream().findFirst());
        if (env.isEmpty()) {
            return;
        }
        // CI on a branch has no environment: name the branch first, in capitals, as the convention names the environment.
        String where = environment.orElse(event.branch() == null ? "CI" : event.branch().replaceFirst("^origin/", ""));
        ChannelRef channel = env.get().channel();
        // Through the outbox: a Slack outage delays the notice instead of dropping it; one build's notices keep their order.
        outbox.send(OutboxMessage.post("build:" + event.backend() + ":" + event.label(), channel.text(), null)
                .attachments(BuildNewsMessages.colourBar(event.news(where))));
    }
}
