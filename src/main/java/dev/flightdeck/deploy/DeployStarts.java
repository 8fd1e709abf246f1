package dev.flightdeck.deploy;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.telemetry.Spans;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final Spans spans;

    public DeployStarts(DeployRepository repository, DeployMoves moves, DeployAnnouncer announcer, BuildBackend backend,
                        TeamConfig config, Spans spans) {
        this.spans = spans;
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
        announcer.reply(after.get(), "Announce only: no approval needed in " + r.envUpper() + ". "
                + (env.autoStart() ? "Starting the build now." : "<@" + r.runnerId() + ">, press *Start* when you run it."));
        if (env.autoStart()) {
            start(r.id(), DeployAudit.POLICY);
        }
    }

    private DeployOutcome begin(long id, String userId, DeployState expected, DeployEvent event) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.noSuchRequest(String.valueOf(id)));
        }
        DeployRequest r = read.get();
        boolean system = userId.startsWith("system:");
        if (!system && !userId.equals(r.runnerId()) && !userId.equals(r.requesterId())) {
            return DeployOutcome.refused("Only the runner <@" + r.runnerId() + "> or the requester <@" + r.requesterId()
                    + "> starts deploy " + DeployTexts.what(r) + ".");
        }
        if (r.state().awaitsDecision()) {
            return DeployOutcome.refused("Deploy " + DeployTexts.what(r) + " needs a go from an approver before it starts.");
        }
        if (r.state() != expected) {
            return DeployOutcome.refused(DeployTexts.notWaiting(r));
        }
        Optional<DeployRequest> triggering = moves.apply(r, event, userId, null);
        if (triggering.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.notWaiting(repository.find(id).orElse(r)));
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
                result = spans.in("build trigger " + service.build().kind(), SpanKind.CLIENT,
                        () -> backend.trigger(r, service));
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
            announcer.buildNews(r, BuildNews.of(BuildNews.Status.STARTED, r.environment(),
                    started.label() == null ? r.service() + " build" : started.label(), "<@" + startedBy + ">", started.url()));
            return new DeployOutcome.Done("Started the " + r.envUpper() + " build of " + r.service() + " " + r.version()
                    + ".", r);
        }
        String reason = ((BuildTrigger.Failed) result).reason();
        LOG.warn("deploy #{} {} {} to {}: build trigger failed: {}", r.id(), r.service(), r.version(), r.environment(), reason);
        moves.apply(r, DeployEvent.TRIGGER_FAILED, BUILD, reason);
        moves.show(r.id());
        announcer.reply(r, "Could not start the " + r.envUpper() + " build of " + r.service() + " " + r.version() + ": "
                + reason + ". Press *Retry* once that is fixed.");
        return DeployOutcome.refused("Could not start the build: " + reason + ".");
    }

    DeployOutcome buildStatus(long id, DeployEvent event, String label, String url) {
        Optional<DeployRequest> read = repository.find(id);
        if (read.isEmpty()) {
            return DeployOutcome.refused(DeployTexts.noSuchRequest(String.valueOf(id)));
        }
        if (label != null || url != null) {
            repository.saveBuild(id, label, url);
        }
        DeployRequest r = read.get().withBuild(label, url);
        Optional<DeployRequest> after = moves.apply(r, event, BUILD, null);
        if (after.isEmpty()) {
            return DeployOutcome.refused("Deploy " + DeployTexts.what(r) + " is " + r.state().label() + "; "
                    + event.name().toLowerCase(java.util.Locale.ROOT) + " changes nothing.");
        }
        moves.show(id);
        BuildNews.Status status = switch (after.get().state()) {
            case SUCCEEDED -> BuildNews.Status.SUCCEEDED;
            case FAILED -> BuildNews.Status.FAILED;
            case ABORTED -> BuildNews.Status.ABORTED;
            default -> null;
        };
        if (status != null) {
            // Every notice says who (DESIGN section 3): the runner, as the start notice named them.
            announcer.buildNews(after.get(), BuildNews.of(status, r.environment(),
                    r.buildLabel() == null ? r.service() + " build" : r.buildLabel(), "<@" + r.runnerId() + ">",
                    r.buildUrl()));
        }
        return new DeployOutcome.Done(after.get().state().label(), after.get());
    }
}
