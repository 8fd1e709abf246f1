package dev.flightdeck.build;

import dev.flightdeck.config.ChannelRef;
import dev.flightdeck.config.EnvironmentConfig;
import dev.flightdeck.config.ServiceConfig;
import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.slack.SlackGateway;
import com.slack.api.model.Attachment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
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
        String text = BuildNotice.text(where, event);
        ChannelRef channel = env.get().channel();
        // The colour bar is an attachment; its fallback is the notification text people see on their phones.
        slack.call("chat.postMessage", client -> client.chatPostMessage(r -> r.channel(channel.text())
                .attachments(List.of(Attachment.builder().color(event.phase().colour()).text(text).fallback(text).build()))));
    }
}
