package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.Auditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one event of {@link ChangeTransitions} to a stored request: the conditional write, then the audit event,
 * then (on a final state) the pending secret value dropped. Only the writer whose update matched the state it read
 * gets the moved request back; everyone else gets empty and must not act on the transition.
 */
final class ChangeMoves {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeMoves.class);

    private final ConfigChangeRepository repository;
    private final PendingValues pending;
    private final Auditor auditor;
    private final Clock clock;

    ChangeMoves(ConfigChangeRepository repository, PendingValues pending, Auditor auditor, Clock clock) {
        this.repository = repository;
        this.pending = pending;
        this.auditor = auditor;
        this.clock = clock;
    }

    Optional<ConfigChange> apply(ConfigChange before, ChangeEvent event, String actor) {
        return apply(before, event, actor, before.newVersion(), Optional.empty());
    }

    /** {@code newVersion}: the stored version after a write; {@code outcome}: what a write that did not happen said. */
    Optional<ConfigChange> apply(ConfigChange before, ChangeEvent event, String actor, String newVersion,
                                 Optional<String> outcome) {
        Optional<ChangeState> to = ChangeTransitions.next(before.state(), event);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConfigChange.Timers t = before.timers();
        // Only PROPOSED is nudged, and nothing returns to it; the expiry stays (FAILED expires at the same time, as
        // a held secret value does).
        ConfigChange.Timers timers = new ConfigChange.Timers(t.proposedAt(), null, t.nudges(), t.expiresAt(),
                to.get().isFinal() ? now : null);
        ConfigChange after = with(before.withState(to.get(), timers), newVersion,
                outcome.isPresent() ? outcome : before.outcome());
        if (!repository.transition(before, after)) {
            return Optional.empty();
        }
        Map<String, Object> payload = payload(before);
        payload.put("from", before.state().name());
        payload.put("to", after.state().name());
        payload.put("event", event.name());
        if (!after.newVersion().isEmpty()) {
            payload.put("new_version", after.newVersion());
        }
        outcome.ifPresent(o -> payload.put("outcome", o));
        auditor.record(ChangeAudit.STATE_CHANGED, actor, payload);
        if (after.state().isFinal()) {
            forget(after);
        }
        return Optional.of(after);
    }

    /** Drops a held secret value. Its hold ends by itself at the request's expiry, so a failure here is logged only. */
    void forget(ConfigChange change) {
        if (!change.target().isSecret()) {
            return;
        }
        try {
            pending.forget(change.id());
        } catch (RuntimeException e) {
            LOG.warn("config change #{}: dropping the held value failed ({}); it lapses at {}", change.id(),
                    e.getClass().getSimpleName(), change.timers().expiresAt());
        }
    }

    /** What every audit event of a request names: never a value, only where and which versions and fingerprints. */
    static Map<String, Object> payload(ConfigChange c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("change", c.id());
        payload.put("service", c.service());
        payload.put("environment", c.environment());
        payload.put("key", c.key());
        payload.put("kind", c.kind().name());
        payload.put("base_version", c.value().baseVersion());
        payload.put("old_fingerprint", c.value().oldFingerprint());
        payload.put("new_fingerprint", c.value().newFingerprint());
        return payload;
    }

    static ConfigChange with(ConfigChange c, String newVersion, Optional<String> outcome) {
        return new ConfigChange(c.id(), c.target(), c.kind(), c.value(), c.proposerId(), c.state(), c.approvedBy(),
                c.rules(), c.blocked(), c.override(), c.revertOf(), c.timers(), c.message(), newVersion, outcome);
    }

    static ConfigChange withMessage(ConfigChange c, ConfigChange.Message message) {
        return new ConfigChange(c.id(), c.target(), c.kind(), c.value(), c.proposerId(), c.state(), c.approvedBy(),
                c.rules(), c.blocked(), c.override(), c.revertOf(), c.timers(), Optional.of(message), c.newVersion(),
                c.outcome());
    }
}
