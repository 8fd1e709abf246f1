package dev.flightdeck.deploy.flags;

import dev.flightdeck.audit.Auditor;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one event of {@link FlagTransitions} to a stored request: the conditional write, then the audit event. Only
 * the writer whose update matched the state it read gets the moved request back; everyone else gets empty and must not
 * act on the transition (so the provider is called once).
 */
final class FlagMoves {

    private final FlagRepository repository;
    private final Auditor auditor;
    private final Clock clock;

    FlagMoves(FlagRepository repository, Auditor auditor, Clock clock) {
        this.repository = repository;
        this.auditor = auditor;
        this.clock = clock;
    }

    Optional<FlagRequest> apply(FlagRequest before, FlagEvent event, String actor) {
        return apply(before, event, actor, Optional.empty());
    }

    Optional<FlagRequest> apply(FlagRequest before, FlagEvent event, String actor, Optional<String> outcome) {
        Optional<FlagState> to = FlagTransitions.next(before.state(), event);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        FlagRequest.Timers t = before.timers();
        // Only REQUESTED is nudged, and nothing returns to it; FAILED keeps the expiry.
        FlagRequest.Timers timers = new FlagRequest.Timers(t.requestedAt(), null, t.nudges(), t.expiresAt(),
                to.get().isFinal() ? now : null);
        FlagRequest after = before.with(to.get(), timers, outcome.isPresent() ? outcome : before.outcome());
        if (!repository.transition(before, after)) {
            return Optional.empty();
        }
        Map<String, Object> payload = payload(before);
        payload.put("from", before.state().name());
        payload.put("to", after.state().name());
        payload.put("event", event.name());
        outcome.ifPresent(o -> payload.put("outcome", o));
        auditor.record(FlagAudit.STATE_CHANGED, actor, payload);
        return Optional.of(after);
    }

    static Map<String, Object> payload(FlagRequest r) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", r.number());
        payload.put("flag", r.flagKey());
        payload.put("environment", r.environment());
        payload.put("provider_environment", r.providerEnvironment());
        payload.put("turn", r.target());
        r.killSwitchIncident().ifPresent(n -> payload.put("kill_switch_incident", n));
        return payload;
    }
}
