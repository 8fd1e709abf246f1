package dev.flightdeck.deploy;

import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Promote to PROD: after a success in an environment that another promotes from ({@code promotion-from}), a click
 * opens the request for the same service and version there, with the clicker as requester: the usual checks, policy
 * and go/no-go message, acknowledged in the successful deploy's thread. One request per click at most, whatever the
 * clicks: an open request for that version there, a newer version live there, or another click opening it right now
 * opens nothing and says why.
 */
@Singleton
public class PromoteDeploy {

    /** A claim still opening after this long was abandoned (its replica died); checks and the post take seconds. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    private static final Set<DeployState> OPEN = open();

    private final TeamConfig team;
    private final DeployRepository repository;
    private final PromotionClaims claims;
    private final RequestDeploy requests;
    private final DeployAnnouncer announcer;
    private final Clock clock;

    public PromoteDeploy(TeamConfig team, DeployRepository repository, PromotionClaims claims, RequestDeploy requests,
                         DeployAnnouncer announcer, Clock clock) {
        this.team = team;
        this.repository = repository;
        this.claims = claims;
        this.requests = requests;
        this.announcer = announcer;
        this.clock = clock;
    }

    private static Set<DeployState> open() {
        Set<DeployState> open = EnumSet.of(DeployState.REQUESTED);
        open.addAll(DeployState.IN_FLIGHT);
        return open;
    }

    /** The environments that take versions from {@code environment} (their {@code promotion-from}), in file order. */
    public static List<String> targets(TeamConfig team, String environment) {
        return team.environments().values().stream()
                .filter(e -> e.promotionFrom().filter(environment::equals).isPresent())
                .map(EnvironmentConfig::name).toList();
    }

    public PromotionOutcome promote(long sourceId, String target, String userId) {
        Optional<DeployRequest> found = repository.find(sourceId);
        if (found.isEmpty()) {
            return new PromotionOutcome.NoSuchDeploy(sourceId);
        }
        DeployRequest source = found.get();
        if (source.state() != DeployState.SUCCEEDED) {
            return new PromotionOutcome.NotSucceeded(source);
        }
        String env = target.toLowerCase(Locale.ROOT);
        if (!targets(team, source.environment()).contains(env)) {
            return new PromotionOutcome.NoLongerPromotes(source, env);
        }
        Optional<DeployRequest> live = repository.lastSucceeded(source.service(), env);
        if (live.isPresent() && live.get().version().equals(source.version())) {
            return new PromotionOutcome.AlreadyLive(source, live.get());
        }
        if (live.isPresent() && newer(live.get(), source)) {
            return new PromotionOutcome.Outdated(source, live.get());
        }
        Optional<DeployRequest> open = open(source.service(), env, source.version());
        if (open.isPresent()) {
            return new PromotionOutcome.AlreadyOpen(source, open.get());
        }
        return claimAndOpen(source, env, userId);
    }

    private PromotionOutcome claimAndOpen(DeployRequest source, String env, String userId) {
        PromotionClaims.Key key = new PromotionClaims.Key(source.service(), env, source.version());
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!claims.claim(key, token, userId, now, now.minus(CLAIM_LEASE))) {
            Optional<DeployRequest> opened = open(source.service(), env, source.version());
            return opened.<PromotionOutcome>map(o -> new PromotionOutcome.AlreadyOpen(source, o))
                    .orElseGet(() -> new PromotionOutcome.BeingOpened(source, env,
                            claims.find(key).map(PromotionClaims.Claim::claimedBy)));
        }
        DeployOutcome outcome;
        try {
            // A click that won after another's request was opened (it saw no open request before that) finds it now.
            Optional<DeployRequest> opened = open(source.service(), env, source.version());
            if (opened.isPresent()) {
                claims.opened(key, token, opened.get().id());
                return new PromotionOutcome.AlreadyOpen(source, opened.get());
            }
            outcome = requests.request(new NewDeploy(source.service(), source.version(), env, userId, Optional.empty(),
                    Optional.of("promoted from " + source.envUpper() + " (deploy #" + source.id() + ")"), Optional.empty()));
        } catch (RuntimeException e) {
            claims.release(key, token);
            throw e;
        }
        if (outcome instanceof DeployOutcome.Requested requested) {
            claims.opened(key, token, requested.request().id());
            announcer.reply(source, new DeployNews.Promoted(userId, requested.request(), requested.posted(),
                    requested.blocking()));
            return new PromotionOutcome.Opened(source, requested);
        }
        claims.release(key, token);
        return new PromotionOutcome.NotOpened(source, outcome);
    }

    private Optional<DeployRequest> open(String service, String env, String version) {
        return repository.inStates(OPEN, Optional.of(service), DeployQueries.STATUS_LIMIT).stream()
                .filter(r -> r.environment().equals(env) && r.version().equals(version)).findFirst();
    }

    /**
     * Is what is live in the target newer than the button's version? By the version text when it says; otherwise
     * (git shas) by when each succeeded in the source environment, the order the team shipped them in. A live
     * version that never ran there cannot be placed, so the click goes on and the checks and approvers decide.
     */
    private boolean newer(DeployRequest live, DeployRequest source) {
        Optional<Integer> byText = VersionOrder.compare(live.version(), source.version());
        if (byText.isPresent()) {
            return byText.get() > 0;
        }
        return repository.succeeded(source.service(), source.environment(), live.version())
                .map(there -> there.finishedAt() != null && source.finishedAt() != null
                        && there.finishedAt().isAfter(source.finishedAt()))
                .orElse(false);
    }
}
