package dev.flightdeck.deploy.flags;

import dev.flightdeck.incident.IncidentTimeline;
import dev.flightdeck.team.TeamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Calls the provider for a request in APPLYING and settles it: APPLIED (on the timeline of every open incident, then
 * told to the channel) or FAILED (Retry and Cancel offered). Only the caller whose transition moved the request to
 * APPLYING calls this, so the provider gets one call per go; the scheduler settles one left behind by a crash.
 */
final class FlagApplier {

    private static final Logger LOG = LoggerFactory.getLogger(FlagApplier.class);

    private final TeamConfig team;
    private final FlagRepository repository;
    private final FlagProvider provider;
    private final FlagAnnouncer news;
    private final FlagMoves moves;
    private final IncidentTimeline timeline;
    private final Clock clock;

    FlagApplier(TeamConfig team, FlagRepository repository, FlagProvider provider, FlagAnnouncer news, FlagMoves moves,
                IncidentTimeline timeline, Clock clock) {
        this.team = team;
        this.repository = repository;
        this.provider = provider;
        this.news = news;
        this.moves = moves;
        this.timeline = timeline;
        this.clock = clock;
    }

    void apply(long id) {
        Optional<FlagRequest> read = repository.find(id);
        if (read.isEmpty() || read.get().state() != FlagState.APPLYING) {
            return;
        }
        FlagRequest r = read.get();
        if (team.flags().isEmpty()) {
            failed(r, "the team file names no flag provider any more");
            return;
        }
        FlagProvider.FlipResult result;
        try {
            result = provider.flip(team.flags().get(), r.flagKey(), r.providerEnvironment(), r.turnOn(), comment(r));
        } catch (RuntimeException e) {
            LOG.warn("flag request {}: the provider call threw {}", r.number(), e.getClass().getName());
            result = new FlagProvider.Failed("the call to the provider failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (result instanceof FlagProvider.Failed f) {
            failed(r, f.message());
        } else {
            applied(r);
        }
    }

    /** Applied (now, or found applied by the scheduler): APPLIED, on open incidents' timelines, then told. */
    void applied(FlagRequest r) {
        String actor = r.appliedBy();
        moves.apply(r, FlagEvent.APPLIED, actor).ifPresent(after -> {
            try {
                timeline.recordFlagChange(after.flagKey(), after.environment(), after.turnOn(), actor,
                        clock.instant(), after.number(), after.killSwitchIncident());
            } catch (RuntimeException e) {
                // The flip happened; the timeline is a record of it and must not hide it from the channel.
                LOG.warn("flag request {}: the timeline entry failed ({})", after.number(), e.getClass().getSimpleName());
            }
            news.changed(after, new FlagNews.Applied(actor));
        });
    }

    private void failed(FlagRequest r, String message) {
        moves.apply(r, FlagEvent.APPLY_FAILED, FlagAudit.FLOW, Optional.of(message))
                .ifPresent(after -> news.changed(after, new FlagNews.ApplyFailed(message)));
    }

    /** What the provider keeps with the change (LaunchDarkly's audit log): which request, whose. */
    static String comment(FlagRequest r) {
        String base = "Flightdeck request " + r.number() + " by " + r.requesterId();
        if (r.isKillSwitch()) {
            return base + " (kill switch by the commander of INC-" + r.killSwitchIncident().get() + ", no approval)";
        }
        return r.approvedBy().isEmpty() ? base : base + ", approved by " + String.join(", ", r.approvedBy());
    }
}
