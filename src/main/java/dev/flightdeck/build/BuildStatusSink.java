package dev.flightdeck.build;

import dev.flightdeck.build.circleci.CircleSlugs;
import dev.flightdeck.build.poll.BuildStatusReaders;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.AnnouncedBuilds;
import dev.flightdeck.deploy.BuildPhase;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where build status lands, from webhooks and polling alike: a build Flightdeck started moves its deploy through
 * the same transitions (the state machine makes a repeated delivery change nothing twice); any other build of a
 * service in the team file is announced in the channel of the environment it builds, or for CI on a branch in the
 * service's first environment's channel, so a failing main is seen without opening CI. A build of nothing Flightdeck
 * knows is ignored, and says so.
 */
@Singleton
public class BuildStatusSink {

    private static final Logger LOG = LoggerFactory.getLogger(BuildStatusSink.class);
    private static final Set<DeployState> BUILDING = Set.of(DeployState.TRIGGERING, DeployState.RUNNING);
    private static final Pattern PIPELINE_NUMBER = Pattern.compile(" pipeline #([0-9]+)$");

    /** What a delivery did; {@code ignored} ones changed nothing and {@code text} says why. */
    public record Result(boolean ignored, String text) {
        static Result done(String text) {
            return new Result(false, text);
        }
    }

    private final DeployService deploys;
    private final DeployRepository repository;
    private final TeamConfig team;
    private final ForeignBuilds foreign;
    // Foreign builds have no state machine to absorb repeats (Jenkins sends COMPLETED then FINALIZED): the database
    // remembers what was announced, for every replica.
    private final AnnouncedBuilds announced;
    private final BuildStatusReaders readers;
    private final Clock clock;

    public BuildStatusSink(DeployService deploys, DeployRepository repository, TeamConfig team, ForeignBuilds foreign,
                           AnnouncedBuilds announced, BuildStatusReaders readers, Clock clock) {
        this.announced = announced;
        this.readers = readers;
        this.clock = clock;
        this.deploys = deploys;
        this.repository = repository;
        this.team = team;
        this.foreign = foreign;
    }

    public Result accept(BuildEvent reported) {
        return accept(reported, false);
    }

    /** A poll's answer: the reader already decided a CircleCI pipeline from all its workflows. */
    public Result acceptPolled(BuildEvent polled) {
        return accept(polled, true);
    }

    private Result accept(BuildEvent reported, boolean wholePipelineRead) {
        Optional<ServiceConfig> service = serviceOf(reported);
        BuildEvent event = service.map(s -> asConfigured(s, reported)).orElse(reported);
        Optional<Long> deploy = event.deployId().or(() -> service.flatMap(s -> deployBuilding(s.name(), event)))
                .or(() -> service.flatMap(s -> startedEarlier(s.name(), event)));
        if (deploy.isPresent()) {
            return toDeploy(deploy.get(), service, event, wholePipelineRead);
        }
        if (service.isEmpty()) {
            return new Result(true, "no service or deploy matches " + event.describeJob());
        }
        if (event.backend().equals("codebuild") && event.phase() == BuildPhase.STARTED
                && starting(service.get().name())) {
            // CodeBuild's event may arrive before the trigger stored the build: its end is matched, its start skipped.
            return new Result(true, "a deploy of " + service.get().name() + " is starting its build; not announced");
        }
        String key = event.backend() + "|" + event.label() + "|" + event.phase();
        if (!announced.firstTime(key, clock.instant())) {
            return Result.done("already announced");
        }
        foreign.announce(event, service, environmentOf(event, service));
        return Result.done("announced");
    }

    private Result toDeploy(long id, Optional<ServiceConfig> service, BuildEvent event, boolean wholePipelineRead) {
        BuildEvent decided = event;
        if (event.backend().equals("circleci") && event.phase() != BuildPhase.STARTED && !wholePipelineRead) {
            // One workflow-completed is one workflow of the pipeline: a green lint says nothing about deploy.
            Optional<BuildEvent> all = wholePipeline(id, service);
            if (all.isEmpty()) {
                LOG.info("circleci {} workflow {}: deploy #{} waits for the pipeline's other workflows",
                        event.label(), event.phase().word(), id);
                return Result.done("deploy #" + id + " unchanged: waiting for the other workflows of " + event.label());
            }
            decided = event.withPhase(all.get().phase());
        }
        DeployOutcome outcome = deploys.buildStatus(id, eventOf(decided.phase()), decided.label(), decided.url());
        LOG.info("{} {} {}: deploy #{} {}", decided.backend(), decided.label(), decided.phase().word(), id,
                outcome instanceof DeployOutcome.Done ? "moved" : "unchanged");
        return Result.done("deploy #" + id + (outcome instanceof DeployOutcome.Done ? " updated" : " unchanged"));
    }

    /** The pipeline's verdict over all its workflows, from CircleCI's API; empty while any still runs or unknown. */
    private Optional<BuildEvent> wholePipeline(long id, Optional<ServiceConfig> service) {
        Optional<DeployRequest> r = repository.find(id);
        if (r.isEmpty() || service.isEmpty()) {
            return Optional.empty();
        }
        try {
            return readers.read(r.get(), service.get().buildFor(r.get().environment()));
        } catch (BuildHttp.BuildCallFailed e) {
            // Not the build failing: the build-silence poll asks again.
            LOG.warn("deploy #{}: could not read the pipeline's workflows from CircleCI: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Long> deployBuilding(String service, BuildEvent event) {
        return repository.inStates(BUILDING, Optional.of(service), 50).stream()
                .filter(r -> event.label().equals(r.buildLabel()) || sameBuild(event, r))
                .map(DeployRequest::id).findFirst();
    }

    private boolean starting(String service) {
        return !repository.inStates(Set.of(DeployState.TRIGGERING), Optional.of(service), 1).isEmpty();
    }

    /**
     * A deploy that already ended with this build: an event arriving after the poll settled it (a CodeBuild event
     * names its build, never a deploy) must not then be announced as someone else's build.
     */
    private Optional<Long> startedEarlier(String service, BuildEvent event) {
        if (!event.backend().equals("codebuild")) {
            return Optional.empty();
        }
        return repository.history(service, Optional.empty(), 50).stream().filter(r -> sameBuild(event, r))
                .map(DeployRequest::id).findFirst();
    }

    /** A CodeBuild build's page names its unique build id: the same page is the same build. */
    private static boolean sameBuild(BuildEvent event, DeployRequest r) {
        return event.backend().equals("codebuild") && event.url() != null && event.url().equals(r.buildUrl());
    }

    /** The service whose backend config names this job, project or workflow, in any environment. */
    Optional<ServiceConfig> serviceOf(BuildEvent event) {
        return team.services().values().stream().filter(s -> team.environments().keySet().stream()
                .anyMatch(env -> builds(s.buildFor(env), event))).findFirst();
    }

    /** CircleCI names a project several ways: name it as the team file does, as the trigger stored its label. */
    private static BuildEvent asConfigured(ServiceConfig s, BuildEvent event) {
        if (!(s.build() instanceof BuildBackendConfig.CircleCi) || event.job().equals(configuredJob(s, event))) {
            return event;
        }
        String project = configuredJob(s, event);
        Matcher m = PIPELINE_NUMBER.matcher(event.label());
        return event.named(project, m.find() ? project + " pipeline #" + m.group(1) : event.label());
    }

    private static String configuredJob(ServiceConfig s, BuildEvent event) {
        return s.build() instanceof BuildBackendConfig.CircleCi c && CircleSlugs.same(c.project(), event.job())
                ? c.project() : event.job();
    }

    private Optional<String> environmentOf(BuildEvent event, Optional<ServiceConfig> service) {
        if (service.isPresent() && event.backend().equals("codebuild")) {
            // A project per environment ("reports-{env}") says which; one project for all says none.
            List<String> envs = team.environments().keySet().stream()
                    .filter(env -> builds(service.get().buildFor(env), event)).toList();
            return envs.size() == 1 ? Optional.of(envs.get(0)) : Optional.empty();
        }
        return service.flatMap(s -> team.environments().keySet().stream()
                .filter(env -> s.buildFor(env) instanceof BuildBackendConfig.Jenkins j && j.job().equals(event.job()))
                .findFirst());
    }

    /**
     * Jenkins jobs are per environment ({@code commons-{env}-server}), so the job's full name says which one; a branch
     * of a multibranch project named in the team file ({@code platform/commons/main}) is that service's CI.
     */
    private static boolean builds(BuildBackendConfig build, BuildEvent event) {
        if (build instanceof BuildBackendConfig.Jenkins j) {
            return event.backend().equals("jenkins") && (j.job().equals(event.job()) || event.job().startsWith(j.job() + "/"));
        }
        if (build instanceof BuildBackendConfig.CircleCi c) {
            return event.backend().equals("circleci") && CircleSlugs.same(c.project(), event.job());
        }
        if (build instanceof BuildBackendConfig.GithubActions g) {
            return event.backend().equals("github-actions") && (g.repo() + "/" + g.workflow()).equals(event.job());
        }
        if (build instanceof BuildBackendConfig.CodeBuild c) {
            return event.backend().equals("codebuild") && c.project().equals(event.job());
        }
        return false;
    }

    static DeployEvent eventOf(BuildPhase phase) {
        return switch (phase) {
            case STARTED -> DeployEvent.BUILD_RUNNING;
            case SUCCEEDED -> DeployEvent.BUILD_SUCCEEDED;
            case FAILED -> DeployEvent.BUILD_FAILED;
            case ABORTED -> DeployEvent.BUILD_ABORTED;
        };
    }
}
