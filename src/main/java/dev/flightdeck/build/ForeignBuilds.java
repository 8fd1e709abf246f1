package dev.flightdeck.build;

import dev.flightdeck.deploy.BuildNewsAnnouncer;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Announces a build Flightdeck did not start, in the channel of the environment it builds. */
@Singleton
public class ForeignBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignBuilds.class);

    private final TeamConfig team;
    private final BuildNewsAnnouncer announcer;

    public ForeignBuilds(TeamConfig team, BuildNewsAnnouncer announcer) {
        this.team = team;
        this.announcer = announcer;
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
        announcer.foreignBuild(new BuildNewsAnnouncer.ForeignBuild(event.backend(), env.get().channel(), where,
                event.phase(), event.label(), event.who(), event.url()));
    }
}
