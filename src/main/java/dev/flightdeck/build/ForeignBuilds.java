package dev.flightdeck.build;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import dev.flightdeck.config.ChannelRef;
import dev.flightdeck.config.EnvironmentConfig;
import dev.flightdeck.config.ServiceConfig;
import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.slack.BuildNewsMessages;
import dev.flightdeck.slack.SlackGateway;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Announces a build Flightdeck did not start, in the team's convention and colour. */
@Singleton
public class ForeignBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignBuilds.class);

    private final TeamConfig team;
    private final SlackGateway slack;

    public ForeignBuilds(TeamConfig team, SlackGateway slack) {
        this.team = team;
        this.slack = slack;
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
        slack.postMessage(ChatPostMessageRequest.builder().channel(channel.text())
                .attachments(BuildNewsMessages.colourBar(event.news(where))).build());
    }
}
