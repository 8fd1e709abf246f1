package dev.flightdeck.build;

import dev.flightdeck.config.BuildBackendConfig;
import dev.flightdeck.config.ServiceConfig;
import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.DeployState;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Where build status lands, from webhooks and polling alike: a build Flightdeck started moves its deploy through
 * the same transitions (the state machine makes a repeated delivery change nothing twice); any other build is
 * announced in the channel of the environment it builds, or for CI on a branch in the service's first
 * environment's channel, so a failing main is seen without opening CI.
 */
@Singleton
public class BuildStatusSink {

    private static final Logger LOG = LoggerFactory.getLogger(BuildStatusSink.class);
    private static final Set<DeployState> BUILDING = Set.of(DeployState.TRIGGERING, DeployState.RUNNING);

    private final DeployService deploys;
    private final DeployRepository repository;
    private final TeamConfig team;
    private final ForeignBuilds foreign;
    // Foreign builds have no state machine to absorb repeats (Jenkins sends COMPLETED then FINALIZED): the database
    // remembers what was announced, for every replica.
    private final AnnouncedBuilds announced;
    private final Clock clock;

    public BuildStatusSink(DeployService deploys, DeployRepository repository, TeamConfig team, ForeignBuilds foreign,
                           AnnouncedBuilds announced, Clock clock) {
        this.announced = announced;
        this.clock = clock;
        this.deploys = deploys;
        this.repository = repository;
        this.team = team;
        this.foreign = foreign;
    }

    /** @return what happened, for the webhook's answer and the log */
    public String accept(BuildEvent event) {
        Optional<ServiceConfig> service = serviceOf(event);
        Optional<Long> deploy = event.deployId().or(() -> service.flatMap(s -> deployBuilding(s.name(), event.label())));
        if (deploy.isPresent()) {
            DeployOutcome outcome = deploys.buildStatus(deploy.get(), eventOf(event.phase()), event.label(), event.url());
            LOG.info("{} {} {}: deploy #{} {}", event.backend(), event.label(), event.phase().word(), deploy.get(),
                    outcome instanceof DeployOutcome.Done ? "moved" : "unchanged");
            return "deploy #" + deploy.get() + (outcome instanceof DeployOutcome.Done ? " updated" : " unchanged");
        }
        String key = event.backend() + "|" + event.label() + "|" + event.phase();
        if (!announced.firstTime(key, clock.instant())) {
            return "already announced";
        }
        foreign.announce(event, service, environmentOf(event, service));
        return "announced";
    }

    private Optional<Long> deployBuilding(String service, String label) {
        return repository.inStates(BUILDING, Optional.of(service), 50).stream()
                .filter(r -> label.equals(r.buildLabel())).map(DeployRequest::id).findFirst();
    }

    /** The service whose backend config names this job, project or workflow. */
    Optional<ServiceConfig> serviceOf(BuildEvent event) {
        return team.services().values().stream().filter(s -> environmentFor(s, event).isPresent()
                || builds(s.build(), event)).findFirst();
    }

    private Optional<String> environmentOf(BuildEvent event, Optional<ServiceConfig> service) {
        return service.flatMap(s -> environmentFor(s, event));
    }

    /** Jenkins jobs are per environment ({@code commons-{env}-server}), so the job name says which one. */
    private Optional<String> environmentFor(ServiceConfig s, BuildEvent event) {
        return team.environments().keySet().stream()
                .filter(env -> s.buildFor(env) instanceof BuildBackendConfig.Jenkins j && j.job().equals(event.job()))
                .findFirst();
    }

    private static boolean builds(BuildBackendConfig build, BuildEvent event) {
        if (build instanceof BuildBackendConfig.CircleCi c) {
            return event.backend().equals("circleci") && c.project().equals(event.job());
        }
        if (build instanceof BuildBackendConfig.GithubActions g) {
            return event.backend().equals("github-actions") && (g.repo() + "/" + g.workflow()).equals(event.job());
        }
        return false;
    }

    static DeployEvent eventOf(BuildEvent.Phase phase) {
        return switch (phase) {
            case STARTED -> DeployEvent.BUILD_RUNNING;
            case SUCCEEDED -> DeployEvent.BUILD_SUCCEEDED;
            case FAILED -> DeployEvent.BUILD_FAILED;
            case ABORTED -> DeployEvent.BUILD_ABORTED;
        };
    }
}
