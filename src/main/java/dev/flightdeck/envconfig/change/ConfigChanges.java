package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.envconfig.ConfigReader;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.EnvConfigService;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * The config change use cases: propose (set, unset, revert), decide (go, no-go, override, cancel, retry), apply.
 * Each decision is one read, one conditional write, one audit event (fingerprints and versions only) and news to
 * the channel through {@link ConfigChangeNews}. Reading and writing AWS is slow: callers run {@link #ready},
 * {@link #propose}, {@link #revert} and {@link #apply} after the Slack ack.
 */
@Singleton
public class ConfigChanges {

    private final ConfigChangeRepository repository;
    private final ConfigWriter writer;
    private final ChangeProposals proposals;
    private final ChangeDecisions decisions;
    private final ChangeApplier applier;
    private final ChangeMoves moves;

    /** @param fingerprints a provider: the key is read from the database on first use, not while the application starts */
    public ConfigChanges(TeamConfig team, ConfigReader reader, EnvConfigService envConfig,
                         jakarta.inject.Provider<Fingerprinter> fingerprints,
                         ApprovalPolicy policy, Auditor auditor, Clock clock, ConfigChangeRepository repository,
                         ConfigWriter writer, PendingValues pending, ConfigHistory history, ConfigChangeNews news) {
        this.repository = repository;
        this.writer = writer;
        this.moves = new ChangeMoves(repository, pending, auditor, clock);
        this.proposals = new ChangeProposals(new ChangeTargets(team, reader), envConfig, fingerprints, repository,
                pending, news, moves, auditor, clock);
        this.decisions = new ChangeDecisions(team, policy, repository, news, moves, auditor);
        this.applier = new ChangeApplier(team, repository, writer, pending, history, news, moves, clock);
    }

    /** May {@code userId} propose a change of this key (service allows changes, key known)? Before the modal opens. */
    public ChangeOutcome ready(String userId, String service, String environment, String key, ChangeKind kind) {
        return proposals.ready(service, environment, key, kind);
    }

    /**
     * Runs the service's rules with the proposed value in place and posts the request. {@code value} is present for
     * SET only; a secret's value goes to {@link PendingValues} and nowhere else.
     */
    public ChangeOutcome propose(String userId, String service, String environment, String key, ChangeKind kind,
                                 Optional<String> value) {
        return proposals.propose(userId, service, environment, key, kind, value, Optional.empty());
    }

    /** Proposes the value before change {@code changeId} (an APPLIED change), through the same flow. */
    public ChangeOutcome revert(String userId, long changeId) {
        Optional<ConfigChange> read = repository.find(changeId);
        if (read.isEmpty()) {
            return new ChangeOutcome.NoSuchChange(changeId);
        }
        ConfigChange c = read.get();
        if (c.state() != ChangeState.APPLIED) {
            return new ChangeOutcome.NothingToRevert(c, "it was never applied (it is " + c.state().label() + ")");
        }
        Optional<Long> of = Optional.of(changeId);
        if (!c.value().hadValue()) {
            // The change created the key: undoing it removes the key.
            return proposals.propose(userId, c.service(), c.environment(), c.key(), ChangeKind.UNSET, Optional.empty(), of);
        }
        Optional<String> before;
        if (c.target().isSecret()) {
            try {
                // Held in this call only, on its way to the pending store like any proposed secret.
                before = writer.valueBefore(c.target(), c.newVersion());
            } catch (ConfigSourceException e) {
                return new ChangeOutcome.SourceDown(e.getMessage());
            }
        } else {
            before = c.value().oldValue();
        }
        if (before.isEmpty()) {
            return new ChangeOutcome.NothingToRevert(c, "AWS no longer keeps the value before version "
                    + c.newVersion());
        }
        return proposals.propose(userId, c.service(), c.environment(), c.key(), ChangeKind.SET, before, of);
    }

    public ChangeOutcome go(long id, String userId) {
        return decisions.go(id, userId);
    }

    public ChangeOutcome noGo(long id, String userId) {
        return decisions.noGo(id, userId);
    }

    public ChangeOutcome cancel(long id, String userId) {
        return decisions.cancel(id, userId);
    }

    public ChangeOutcome override(long id, String userId, String reason) {
        return decisions.override(id, userId, reason);
    }

    /** A FAILED write tried again (the proposer or an approver); the caller runs {@link #apply} after the ack. */
    public ChangeOutcome retry(long id, String userId) {
        return decisions.retry(id, userId);
    }

    /** Writes a change in APPLYING and tells the channel how it went. Safe to call twice: only one write happens. */
    public void apply(long id) {
        applier.apply(id);
    }

    ChangeApplier applier() {
        return applier;
    }

    ChangeMoves moves() {
        return moves;
    }
}
