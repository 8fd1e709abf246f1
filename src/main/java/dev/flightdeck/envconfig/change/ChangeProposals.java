package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigSnapshot;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.EnvConfigService;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.RuleResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Proposing a change: the key resolved, the value judged (never repeated back: problems are plain words), the
 * service's rules run with the proposal in place, the request stored, a secret value held apart, the request posted.
 * A request that cannot be held or posted is cancelled at once rather than left waiting unseen.
 */
final class ChangeProposals {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeProposals.class);
    /** SSM standard-tier parameters take 4 KB; the writer keeps the tier. */
    static final int SSM_MAX = 4096;
    /** A Secrets Manager secret takes 64 KB (the writer checks the whole JSON with the other members). */
    static final int SECRET_MAX = 65536;

    private final ChangeTargets targets;
    private final EnvConfigService envConfig;
    private final jakarta.inject.Provider<Fingerprinter> fingerprints;
    private final ConfigChangeRepository repository;
    private final PendingValues pending;
    private final ConfigChangeNews news;
    private final ChangeMoves moves;
    private final Auditor auditor;
    private final Clock clock;

    ChangeProposals(ChangeTargets targets, EnvConfigService envConfig, jakarta.inject.Provider<Fingerprinter> fingerprints,
                    ConfigChangeRepository repository, PendingValues pending, ConfigChangeNews news, ChangeMoves moves,
                    Auditor auditor, Clock clock) {
        this.targets = targets;
        this.envConfig = envConfig;
        this.fingerprints = fingerprints;
        this.repository = repository;
        this.pending = pending;
        this.news = news;
        this.moves = moves;
        this.auditor = auditor;
        this.clock = clock;
    }

    ChangeOutcome ready(String service, String environment, String key, ChangeKind kind) {
        ChangeTargets.Lookup lookup = targets.find(service, environment, key);
        if (lookup instanceof ChangeTargets.Refusal refusal) {
            return refusal.outcome();
        }
        ChangeTargets.Found found = (ChangeTargets.Found) lookup;
        if (kind == ChangeKind.UNSET && found.current().isEmpty()) {
            return nothingToRemove(found.target());
        }
        return new ChangeOutcome.Ready(found.target(), found.current().flatMap(ConfigEntry::plainValue));
    }

    ChangeOutcome propose(String userId, String service, String environment, String key, ChangeKind kind,
                          Optional<String> value, Optional<Long> revertOf) {
        ChangeTargets.Lookup lookup = targets.find(service, environment, key);
        if (lookup instanceof ChangeTargets.Refusal refusal) {
            return refusal.outcome();
        }
        ChangeTargets.Found found = (ChangeTargets.Found) lookup;
        ConfigTarget target = found.target();
        Optional<ChangeOutcome.Refused> bad = problem(found, kind, value);
        if (bad.isPresent()) {
            return bad.get();
        }
        List<RuleResult> rules;
        try {
            rules = envConfig.rulesOn(service, proposed(found, kind, value));
        } catch (ConfigSourceException e) {
            return new ChangeOutcome.SourceDown(e.getMessage());
        }
        // Only a failing rule about this key blocks: a change must not wait on another key's problem (it may be the
        // first of two fixes). The other results are kept and shown.
        boolean blocked = rules.stream().anyMatch(r -> r.key().equals(key) && r.outcome() == RuleResult.Outcome.FAIL);
        Optional<ConfigEntry> current = found.current();
        String newFingerprint = kind == ChangeKind.SET ? fingerprints.get().of(value.orElseThrow()) : "";
        ValueChange change = new ValueChange(current.map(ConfigEntry::version).orElse(""),
                target.isSecret() ? Optional.empty() : current.flatMap(ConfigEntry::plainValue),
                target.isSecret() || kind == ChangeKind.UNSET ? Optional.empty() : value,
                current.map(ConfigEntry::fingerprint).orElse(""), newFingerprint);
        Instant now = clock.instant();
        EnvironmentConfig env = found.env();
        Instant expires = now.plus(env.expireAfter());
        ConfigChange request = repository.insert(new ConfigChange(0, target, kind, change, userId,
                ChangeState.PROPOSED, List.of(), rules, blocked, Optional.empty(), revertOf,
                new ConfigChange.Timers(now, now.plus(env.nudgeAfter()), 0, expires, null), Optional.empty(), "",
                Optional.empty()));
        Map<String, Object> payload = ChangeMoves.payload(request);
        payload.put("source", target.source());
        payload.put("type", target.type());
        payload.put("blocked", blocked);
        payload.put("failing_rules", rules.stream().filter(r -> r.outcome() == RuleResult.Outcome.FAIL)
                .map(r -> r.rule().label() + " " + r.key()).toList());
        revertOf.ifPresent(r -> payload.put("revert_of", r));
        auditor.record(ChangeAudit.PROPOSED, userId, payload);
        if (target.isSecret() && kind == ChangeKind.SET) {
            try {
                pending.hold(request.id(), value.orElseThrow(), expires);
            } catch (RuntimeException e) {
                LOG.warn("config change #{}: holding the proposed value failed ({}); the request is cancelled",
                        request.id(), e.getClass().getSimpleName());
                moves.apply(request, ChangeEvent.CANCEL, ChangeAudit.FLOW);
                return new ChangeOutcome.SourceDown("the proposed value could not be held safely, so nothing was "
                        + "proposed; try again");
            }
        }
        Optional<ConfigChange.Message> posted = news.post(request);
        if (posted.isEmpty()) {
            moves.apply(request, ChangeEvent.CANCEL, ChangeAudit.FLOW);
            return new ChangeOutcome.PostFailed(env.channel().text());
        }
        repository.saveMessage(request.id(), posted.get());
        return new ChangeOutcome.Proposed(ChangeMoves.withMessage(request, posted.get()));
    }

    /** What is wrong with the proposal as typed, in plain words that never repeat the value. */
    private Optional<ChangeOutcome.Refused> problem(ChangeTargets.Found found, ChangeKind kind, Optional<String> value) {
        ConfigTarget target = found.target();
        if (kind == ChangeKind.UNSET) {
            return found.current().isEmpty() ? Optional.of(nothingToRemove(target)) : Optional.empty();
        }
        String v = value.orElse("");
        if (v.isBlank()) {
            return Optional.of(new ChangeOutcome.BadValue("The value is empty. To remove " + target.key()
                    + ", use config unset."));
        }
        int max = target.inSecretsManager() ? SECRET_MAX : SSM_MAX;
        if (v.length() > max) {
            return Optional.of(new ChangeOutcome.BadValue("The value has " + v.length() + " characters; "
                    + (target.inSecretsManager() ? "Secrets Manager" : "an SSM parameter") + " takes at most " + max
                    + "."));
        }
        Optional<ConfigEntry> current = found.current();
        boolean same = current.isPresent() && (target.isSecret()
                ? current.get().fingerprint().equals(fingerprints.get().of(v))
                : current.get().plainValue().filter(v::equals).isPresent());
        if (same) {
            return Optional.of(new ChangeOutcome.BadValue(target.key() + " already has this value in "
                    + target.environment() + ": nothing to change."));
        }
        return Optional.empty();
    }

    private static ChangeOutcome.BadValue nothingToRemove(ConfigTarget target) {
        return new ChangeOutcome.BadValue(target.key() + " is not set in " + target.environment()
                + ": nothing to remove.");
    }

    /** The snapshot with the proposal in place: the new entry (a secret only as its fingerprint), or the key gone. */
    private ConfigSnapshot proposed(ChangeTargets.Found found, ChangeKind kind, Optional<String> value) {
        ConfigSnapshot now = found.snapshot();
        ConfigTarget t = found.target();
        Map<String, ConfigEntry> entries = new TreeMap<>(now.entries());
        if (kind == ChangeKind.UNSET) {
            entries.remove(t.key());
        } else {
            String v = value.orElseThrow();
            String version = found.current().map(ConfigEntry::version).orElse("");
            entries.put(t.key(), t.isSecret()
                    ? ConfigEntry.secret(t.key(), t.source(), t.type(), fingerprints.get().of(v), version, Optional.empty(),
                    Optional.empty())
                    : ConfigEntry.plain(t.key(), t.source(), t.type(), v, fingerprints.get(), version, Optional.empty(),
                    Optional.empty()));
        }
        return new ConfigSnapshot(now.service(), now.env(), entries, now.problems());
    }
}
