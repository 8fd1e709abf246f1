package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one event of the transition table to a stored request: the conditional update, then the audit event.
 * Only the writer whose update matched the state it read gets the new request back; everyone else gets empty
 * and must not act on the transition.
 */
@Singleton
public class DeployMoves {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeployMoves.class);

    private final DeployRepository repository;
    private final Auditor auditor;
    private final TeamConfig config;
    private final DeployAnnouncer announcer;
    private final Clock clock;
    private final List<DeployObserver> observers;

    public DeployMoves(DeployRepository repository, Auditor auditor, TeamConfig config, DeployAnnouncer announcer,
                       Clock clock, List<DeployObserver> observers) {
        this.observers = List.copyOf(observers);
        this.repository = repository;
        this.auditor = auditor;
        this.config = config;
        this.announcer = announcer;
        this.clock = clock;
    }

    public Optional<DeployRequest> apply(DeployRequest before, DeployEvent event, String actor, String reason) {
        Optional<DeployState> to = DeployTransitions.next(before.state(), event);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        // Null timers when the environment left the team file: entering a state that schedules timers then fails.
        DeployTransitions.Timers timers = config.environment(before.environment()).map(DeployTransitions.Timers::of)
                .orElse(null);
        DeployRequest after = before.moved(to.get(), actor, reason, clock.instant(), timers);
        if (!repository.transition(before, after)) {
            return Optional.empty();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", before.id());
        payload.put("service", before.service());
        payload.put("environment", before.environment());
        payload.put("version", before.version());
        payload.put("from", before.state().name());
        payload.put("to", after.state().name());
        payload.put("event", event.name());
        if (reason != null) {
            payload.put("reason", reason);
        }
        auditor.record(DeployAudit.STATE_CHANGED, actor, payload);
        for (DeployObserver observer : observers) {
            try {
                observer.transitioned(before, after, event, actor);
            } catch (RuntimeException e) {
                LOG.warn("{} failed on deploy #{} {} -> {}", observer.getClass().getSimpleName(), before.id(),
                        before.state(), after.state(), e);
            }
        }
        return Optional.of(after);
    }

    public EnvironmentConfig environment(DeployRequest request) {
        return config.environment(request.environment()).orElseThrow(() -> new IllegalStateException(
                "environment " + request.environment() + " of deploy #" + request.id() + " is no longer in the team config"));
    }

    public DeployView view(DeployRequest request) {
        return new DeployView(request, repository.checks(request.id()), repository.approvals(request.id()),
                repository.checklist(request.id()));
    }

    /** Re-renders the go/no-go message from what is stored now. */
    public void show(long id) {
        repository.find(id).ifPresent(this::show);
    }

    /** Re-renders the go/no-go message of a request just moved, without reading the request again. */
    public void show(DeployRequest moved) {
        announcer.refresh(view(moved));
    }

    /** Re-renders the go/no-go message from a view already in hand (no reads). */
    public void show(DeployView view) {
        announcer.refresh(view);
    }
}
