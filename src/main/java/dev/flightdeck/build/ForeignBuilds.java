package dev.flightdeck.build;

import dev.flightdeck.deploy.BuildNewsAnnouncer;
import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.deploy.FailedBuild;
import dev.flightdeck.deploy.FailureExplanations;
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
    private final FailureExplanations explanations;

    public ForeignBuilds(TeamConfig team, BuildNewsAnnouncer announcer, FailureExplanations explanations) {
        this.team = team;
        this.announcer = announcer;
        this.explanations = explanations;
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
        BuildNewsAnnouncer.ForeignBuild notice = new BuildNewsAnnouncer.ForeignBuild(event.backend(), env.get().channel(),
                where, event.phase(), event.label(), event.who(), event.url());
        announcer.foreignBuild(notice);
        if (event.phase() == BuildPhase.FAILED) {
            // A failing main explains itself under its notice, read after the notice is queued and off this request.
            ServiceConfig s = service.get();
            explanations.foreignFailed(notice, new FailedBuild(s.name(), environment,
                    environment.map(s::buildFor).orElse(s.build()), event.label(), event.url()));
        }
    }
}
