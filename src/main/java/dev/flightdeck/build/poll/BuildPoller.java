package dev.flightdeck.build.poll;

import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.build.BuildStatusSink;
import dev.flightdeck.build.EnvSecrets;
import dev.flightdeck.config.BuildBackendConfig;
import dev.flightdeck.config.ServiceConfig;
import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.config.WebhooksConfig;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;

/**
 * Polls running builds whose backend sends no webhook here (none configured for it in the team file). Replicas may
 * poll the same build: the deploy's conditional transition makes the second answer change nothing.
 */
@Singleton
public class BuildPoller {

    private static final Logger LOG = LoggerFactory.getLogger(BuildPoller.class);

    private final DeployRepository repository;
    private final TeamConfig team;
    private final BuildStatusReaders readers;
    private final BuildStatusSink sink;
    private final EnvSecrets secrets;

    public BuildPoller(DeployRepository repository, TeamConfig team, BuildStatusReaders readers, BuildStatusSink sink,
                       EnvSecrets secrets) {
        this.repository = repository;
        this.secrets = secrets;
        this.team = team;
        this.readers = readers;
        this.sink = sink;
    }

    @Scheduled(fixedDelay = "${flightdeck.build.poll-every:30s}", initialDelay = "${flightdeck.build.poll-every:30s}")
    void scheduled() {
        runDue();
    }

    /** One round over the running deploys; returns how many builds it found finished. */
    public int runDue() {
        int finished = 0;
        for (DeployRequest r : repository.inStates(Set.of(DeployState.RUNNING), Optional.empty(), 200)) {
            Optional<ServiceConfig> service = team.service(r.service());
            if (service.isEmpty()) {
                continue;
            }
            BuildBackendConfig backend = service.get().buildFor(r.environment());
            if (webhookArrives(backend)) {
                continue;
            }
            try {
                Optional<dev.flightdeck.build.BuildEvent> event = readers.read(r, backend);
                if (event.isPresent()) {
                    sink.acceptPolled(event.get());
                    finished++;
                }
            } catch (BuildHttp.BuildCallFailed e) {
                // The backend being down is not the build failing: try again next round.
                LOG.warn("Could not read the status of deploy #{} from {}: {}", r.id(), backend.kind(), e.getMessage());
            }
        }
        return finished;
    }

    /** A webhook can only be accepted when its secret is set; otherwise this backend's builds are polled. */
    boolean webhookArrives(BuildBackendConfig backend) {
        WebhooksConfig hooks = team.webhooks();
        Optional<String> variable = backend instanceof BuildBackendConfig.Jenkins ? hooks.jenkinsTokenEnv()
                : backend instanceof BuildBackendConfig.CircleCi ? hooks.circleciSecretEnv()
                : backend instanceof BuildBackendConfig.GithubActions ? hooks.githubSecretEnv()
                : Optional.empty();
        return variable.flatMap(secrets::get).isPresent();
    }
}
