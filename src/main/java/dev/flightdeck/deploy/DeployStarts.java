package dev.flightdeck.deploy;

import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Starting the build: APPROVED (or TRIGGER_FAILED, on retry) to TRIGGERING is a conditional update, and only the
 * one caller that made it calls the {@link BuildBackend}, so a build is triggered at most once per start.
 */
@Singleton
public class DeployStarts {

    private static final Logger LOG = LoggerFactory.getLogger(DeployStarts.class);
    public static final String BUILD = "system:build";

    private final DeployRepository repository;
    private final DeployMoves moves;
    private final DeployAnnouncer announcer;
    private final BuildBackend backend;
    private final TeamConfig config;
    private final OutgoingCalls calls;
    private final Optional<FailureExplanations> explanations;

    public DeployStarts(DeployRepository repository, DeployMoves moves, DeployAnnouncer announcer, BuildBackend backend,
                        TeamConfig config, OutgoingCalls calls) {
        this(repository, moves, announcer, backend, config, calls, Optional.empty());
    }

    @jakarta.inject.Inject
    public DeployStarts(DeployRepository repository, DeployMoves moves, DeployAnnouncer announcer, BuildBackend backend,
                        TeamConfig config, OutgoingCalls calls, Optional<FailureExplanations> explanations) {
        this.explanations = explanations;
        this.calls = calls;
        this.repository = repository;
        this.moves = moves;
        this.announcer = announcer;
        this.backend = backend;
        this.config = config;
    }

    public DeployOutcome start(long id, String userId) {
        return begin(id, userId, DeployState.APPROVED, DeployEvent.START);
    }

    public DeployOutcome retry(long id, String userId) {
        return begin(id, userId, DeployState.TRIGGER_FAILED, DeployEvent.RETRY);
    }

    /** Approvals 0: the policy itself says go once nothing blocks, and the build starts when auto-start is on. */
    void announceOnlyGo(DeployRequest r) {
        EnvironmentConfig env = moves.environment(r);
        Optional<DeployRequest> after = moves.apply(r, DeployEvent.GO, DeployAudit.POLICY, null);
        if (after.isEmpty()) {
            return;
        }
        moves.show(r.id());
        List<String> open = env.autoStart() ? Checklist.unticked(repository.checklist(r.id())) : List.of();
        if (!open.isEmpty()) {
            // Ticking the last item starts it (DeployChecklists).
            announcer.reply(after.get(), new DeployNews.WaitsForChecklist(Optional.empty(), open));
            return;
        }
        // A check still holding the start (CI running): the build starts when it passes (DeployRechecks).
        List<String> held = repository.checks(r.id()).stream().filter(CheckResult::holding).map(CheckResult::name).toList();
        announcer.reply(after.get(), new DeployNews.AnnounceOnlyGo(env.autoStart(), held));
        if (env.autoStart() && held.isEmpty()) {
            start(r.id(), DeployAudit.POLICY);
        }
    }

    private DeployOutcome begin(long id, String userId, DeployState expected, DeployEvent event) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        DeployRequest r = read.get();
        boolean system = userId.startsWith("system:");
        if (!system && !userId.equals(r.runnerId()) && !userId.equals(r.requesterId())) {
            return new DeployOutcome.NotRunner(r);
        }
        if (r.state().awaitsDecision()) {
            return new DeployOutcome.NeedsGo(r);
        }
        if (r.state() != expected) {
            return new DeployOutcome.NotWaiting(r);
        }
        // The checklist first: a build starts only once every item is ticked (a retry's items were all ticked).
        List<String> open = event == DeployEvent.START ? Checklist.unticked(repository.checklist(id)) : List.of();
        if (!open.isEmpty()) {
            return new DeployOutcome.ChecklistOpen(r, open);
        }
        // A check may still hold the start after the goes (gate ci: CI running), or have turned red since.
        java.util.List<CheckResult> stopping = event == DeployEvent.START
                ? repository.checks(id).stream().filter(CheckResult::stopsStart).toList() : java.util.List.of();
        if (!stopping.isEmpty()) {
            return new DeployOutcome.BlockedByChecks(r, stopping);
        }
        Optional<DeployRequest> triggering = moves.apply(r, event, userId, null);
        if (triggering.isEmpty()) {
            return new DeployOutcome.NotWaiting(repository.find(id).orElse(r));
        }
        moves.show(id);
        return trigger(triggering.get(), system ? r.runnerId() : userId);
    }

    private DeployOutcome trigger(DeployRequest r, String startedBy) {
        ServiceConfig service = config.service(r.service()).orElse(null);
        BuildTrigger result;
        if (service == null) {
            result = new BuildTrigger.Failed("service " + r.service() + " is no longer in the team config");
        } else {
            try {
                // One span for the trigger whatever the backend, in the trace of the click or command that started it.
                result = calls.traced("build trigger " + service.build().kind(), () -> backend.trigger(r, service));
            } catch (RuntimeException e) {
                // The exception text may come from a remote system; name the kind only, the log has the rest.
                LOG.warn("build trigger for deploy #{} failed", r.id(), e);
                result = new BuildTrigger.Failed("the " + service.build().kind() + " backend failed ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (result instanceof BuildTrigger.Started started) {
            // The operator's line for "did the build start, and from which click": it carries the request's trace id.
            LOG.info("deploy #{} {} {} to {}: build started by {} ({})", r.id(), r.service(), r.version(), r.environment(),
                    startedBy, started.label());
            repository.saveBuild(r.id(), started.label(), started.url());
            moves.apply(r, DeployEvent.BUILD_RUNNING, BUILD, null);
            moves.show(r.id());
            announcer.reply(r, new DeployNews.Build(BuildPhase.STARTED,
                    started.label() == null ? r.service() + " build" : started.label(), startedBy, started.url()));
            return new DeployOutcome.BuildStarted(r);
        }
        String reason = ((BuildTrigger.Failed) result).reason();
        LOG.warn("deploy #{} {} {} to {}: build trigger failed: {}", r.id(), r.service(), r.version(), r.environment(), reason);
        moves.apply(r, DeployEvent.TRIGGER_FAILED, BUILD, reason);
        moves.show(r.id());
        announcer.reply(r, new DeployNews.TriggerFailed(reason, false));
        return new DeployOutcome.StartFailed(reason);
    }

    DeployOutcome buildStatus(long id, DeployEvent event, String label, String url) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return new DeployOutcome.NoSuchRequest(id);
        }
        if (label != null || url != null) {
            repository.saveBuild(id, label, url);
        }
        DeployRequest r = read.get().withBuild(label, url);
        Optional<DeployRequest> after = moves.apply(r, event, BUILD, null);
        if (after.isEmpty()) {
            return new DeployOutcome.BuildChangesNothing(r, event);
        }
        moves.show(id);
        BuildPhase status = switch (after.get().state()) {
            case SUCCEEDED -> BuildPhase.SUCCEEDED;
            case FAILED -> BuildPhase.FAILED;
            case ABORTED -> BuildPhase.ABORTED;
            default -> null;
        };
        if (status != null) {
            // Every notice says who: the runner, as the start notice named them.
            announcer.reply(after.get(), new DeployNews.Build(status,
                    r.buildLabel() == null ? r.service() + " build" : r.buildLabel(), r.runnerId(), r.buildUrl()));
        }
        if (status == BuildPhase.FAILED) {
            // After the FAILED news, so the explanation follows it in the thread; read off this (webhook) thread.
            explanations.ifPresent(e -> e.deployFailed(after.get()));
        }
        return new DeployOutcome.BuildMoved(after.get());
    }
}
