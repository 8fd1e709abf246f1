package dev.flightdeck.envconfig.change;

import dev.flightdeck.envconfig.EnvTemplates;
import dev.flightdeck.team.TeamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes a change in APPLYING and settles it: APPLIED (the history recorded before the channel hears, so the watch
 * never calls Flightdeck's own write "outside"), CONFLICTED (the version moved: nothing written), or FAILED (Retry
 * and Cancel offered). The write is conditional on the version read at proposal, so applying twice (a retry of a
 * stranded request, two replicas) writes once.
 */
final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);
    static final String NO_LONGER_HELD = "the proposed value is no longer held; propose it again";

    private final TeamConfig team;
    private final ConfigChangeRepository repository;
    private final ConfigWriter writer;
    private final PendingValues pending;
    private final ConfigHistory history;
    private final ConfigChangeNews news;
    private final ChangeMoves moves;
    private final Clock clock;

    ChangeApplier(TeamConfig team, ConfigChangeRepository repository, ConfigWriter writer, PendingValues pending,
                  ConfigHistory history, ConfigChangeNews news, ChangeMoves moves, Clock clock) {
        this.team = team;
        this.repository = repository;
        this.writer = writer;
        this.pending = pending;
        this.history = history;
        this.news = news;
        this.moves = moves;
        this.clock = clock;
    }

    void apply(long id) {
        Optional<ConfigChange> read = repository.find(id);
        if (read.isEmpty() || read.get().state() != ChangeState.APPLYING) {
            return;
        }
        ConfigChange c = read.get();
        ConfigWriter.Result result;
        try {
            result = write(c);
        } catch (RuntimeException e) {
            // The writer's own failures come back as Failed; this is a bug or an outage it did not expect. The
            // exception's message is not shown (it could quote anything); the log has the class only.
            LOG.warn("config change #{}: the write threw {}", id, e.getClass().getName());
            result = new ConfigWriter.Failed("the write failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
        if (result == null) {
            failed(c, NO_LONGER_HELD);
        } else if (result instanceof ConfigWriter.Written written) {
            applied(c, written.version());
        } else if (result instanceof ConfigWriter.VersionMoved moved) {
            String by = moved.by().map(b -> " by " + b).orElse("");
            moves.apply(c, ChangeEvent.VERSION_MOVED, ChangeAudit.FLOW, c.newVersion(),
                    Optional.of("the stored version moved to " + moved.currentVersion() + by + "; nothing was written"))
                    .ifPresent(after -> news.changed(after, new ChangeNews.Conflicted(moved.currentVersion(), moved.by())));
        } else if (result instanceof ConfigWriter.Failed f) {
            failed(c, f.message());
        }
    }

    /** The writer's answer, or null when a secret's value is no longer held. */
    private ConfigWriter.Result write(ConfigChange c) {
        ConfigTarget t = c.target();
        String base = c.value().baseVersion();
        if (c.kind() == ChangeKind.UNSET) {
            return writer.unset(t, base);
        }
        Optional<String> value = t.isSecret() ? pending.read(c.id(), clock.instant()) : c.value().newValue();
        if (value.isEmpty()) {
            return null;
        }
        Optional<String> kmsKey = team.service(c.service()).flatMap(s -> s.config().kmsKey())
                .map(k -> EnvTemplates.forEnv(k, c.environment()));
        return writer.set(t, base, value.get(), kmsKey);
    }

    /**
     * Written (now, or found written by the scheduler): recorded in the history first, then APPLIED, then told.
     * The actor is the approver whose go applied it.
     */
    void applied(ConfigChange c, String version) {
        String actor = actor(c);
        history.record(new ConfigEvent(c.service(), c.environment(), c.key(), clock.instant(), actor, false,
                c.value().baseVersion(), version, c.value().oldFingerprint(), c.value().newFingerprint(),
                Optional.of(c.id())));
        moves.apply(c, ChangeEvent.WRITTEN, actor, version, Optional.empty()).ifPresent(after ->
                news.changed(after, new ChangeNews.Applied(actor, c.value().baseVersion(), version)));
    }

    private void failed(ConfigChange c, String message) {
        moves.apply(c, ChangeEvent.WRITE_FAILED, ChangeAudit.FLOW, c.newVersion(), Optional.of(message))
                .ifPresent(after -> news.changed(after, new ChangeNews.WriteFailed(message)));
    }

    private static String actor(ConfigChange c) {
        List<String> approvers = c.approvedBy();
        return approvers.isEmpty() ? c.proposerId() : approvers.get(approvers.size() - 1);
    }
}
