package dev.flightdeck.build.poll;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.build.BuildEvent;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.build.BuildStatusSink;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.StuckBuilds;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Polls builds that Flightdeck cannot expect a webhook for (none configured for their backend), and any build that
 * has been silent for its environment's {@code build-silence}, webhooks or not: a webhook can be lost, and a deploy
 * must not stay RUNNING forever. A silent build its backend does not know ends FAILED; a silent trigger that never
 * recorded a build (Flightdeck stopped in between) ends TRIGGER_FAILED with Retry. Replicas may poll the same build:
 * every move is a conditional transition, so only one of them moves the deploy and says so. It wakes when the next
 * build is due to be polled ({@link Waker}; a build starting wakes it to work that out), polls a running build every
 * {@code flightdeck.build.poll-every} (30 s), and with none in flight looks at the latest every
 * {@code flightdeck.build.look-every} (60 s), which is how late it sees a build another replica started.
 */
@Singleton
public class BuildPoller implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(BuildPoller.class);
    private static final Set<DeployState> IN_FLIGHT = Set.of(DeployState.TRIGGERING, DeployState.RUNNING);

    private final DeployRepository repository;
    private final TeamConfig team;
    private final BuildStatusReaders readers;
    private final BuildStatusSink sink;
    private final EnvSecrets secrets;
    private final StuckBuilds stuck;
    private final Clock clock;
    /** How often a running build is polled: the shortest time between two rounds. */
    private Duration every = Duration.ofSeconds(30);
    /** When this process last polled (a build still running stays due: it is polled again {@link #every} later). */
    private volatile Instant lastRound;

    public BuildPoller(DeployRepository repository, TeamConfig team, BuildStatusReaders readers, BuildStatusSink sink,
                       EnvSecrets secrets, StuckBuilds stuck, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.team = team;
        this.readers = readers;
        this.sink = sink;
        this.stuck = stuck;
        this.clock = clock;
    }

    /**
     * @param every how often a build is polled while it runs (and a silent one looked at)
     * @param lookEvery the longest the waker sleeps with no build in flight that it knows of: how late this process
     *                  sees a build another replica started (that replica polls it itself meanwhile); never shorter
     *                  than {@code every}
     */
    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.build.poll-every:30s}") Duration every,
                  @Value("${flightdeck.build.look-every:60s}") Duration lookEvery) {
        this.every = every;
        wakeups.start(Wakeups.BUILD_POLL, wakeJob(), lookEvery.compareTo(every) > 0 ? lookEvery : every);
    }

    /** What the waker drives: {@link #nextDue()} and {@link #runDue()}. */
    public Waker.Job wakeJob() {
        return Waker.Job.of(() -> BuildPoller.this.nextDue(), this::runDue);
    }

    /**
     * When a round next has something to poll: a build silent for its environment's build-silence, or one whose
     * backend sends no webhook (polled every {@code poll-every}); one the last round already polled (a build still
     * running stays due) {@code poll-every} after that round. One grouped query over the in-flight states.
     */
    public Optional<Instant> nextDue() {
        Instant earliest = null;
        for (DeployRepository.OldestInState g : repository.oldestInStates(IN_FLIGHT)) {
            Optional<ServiceConfig> service = team.service(g.service());
            Optional<EnvironmentConfig> env = team.environment(g.environment());
            if (service.isEmpty() || env.isEmpty()) {
                continue;
            }
            boolean polled = g.state() == DeployState.RUNNING && !webhookArrives(service.get().buildFor(g.environment()));
            Instant due = g.since().plus(polled ? every : env.get().buildSilence());
            Instant last = lastRound;
            if (last != null && !due.isAfter(last)) {
                due = last.plus(every); // polled by the last round and still in flight: again one interval later
            }
            earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
        }
        return Optional.ofNullable(earliest);
    }

    /** One round over the triggering and running deploys; returns how many it moved. */
    public int runDue() {
        Instant now = clock.instant();
        lastRound = now;
        int moved = 0;
        for (DeployRequest r : repository.inStates(IN_FLIGHT, Optional.empty(), 200)) {
            Optional<ServiceConfig> service = team.service(r.service());
            Optional<EnvironmentConfig> env = team.environment(r.environment());
            if (service.isEmpty() || env.isEmpty()) {
                continue;
            }
            Duration silence = env.get().buildSilence();
            boolean silent = !now.isBefore(r.stateChangedAt().plus(silence));
            BuildBackendConfig backend = service.get().buildFor(r.environment());
            // A trigger still under way is its starter's business until it has been silent too long.
            if (!silent && (r.state() == DeployState.TRIGGERING || webhookArrives(backend))) {
                continue;
            }
            try {
                moved += poll(r, backend, silent, silence) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("deploy #{}: build poll failed; the next round tries again", r.id(), e);
            }
        }
        return moved;
    }

    private boolean poll(DeployRequest r, BuildBackendConfig backend, boolean silent, Duration silence) {
        try {
            if (r.state() == DeployState.TRIGGERING && r.buildUrl() == null && r.buildLabel() == null) {
                Optional<BuildEvent> found = readers.findByDeployId(r, backend);
                return found.isPresent() ? stuck.triggerFound(r, found.get().label(), found.get().url())
                        : stuck.triggerLost(r, silence);
            }
            Optional<BuildEvent> event = readers.read(r, backend);
            if (event.isPresent()) {
                sink.acceptPolled(event.get());
                return true;
            }
            return false;
        } catch (BuildHttp.BuildNotFound e) {
            // Right after a start a backend may not list the build yet; after the silence it never will.
            return silent && stuck.buildLost(r, silence, e.getMessage());
        } catch (BuildHttp.BuildCallFailed e) {
            // The backend being down is not the build failing: try again next round.
            LOG.warn("Could not read the status of deploy #{} from {}: {}", r.id(), backend.kind(), e.getMessage());
            return false;
        }
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
