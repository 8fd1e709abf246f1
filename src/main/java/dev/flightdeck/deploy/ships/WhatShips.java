package dev.flightdeck.deploy.ships;

import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.team.RepoRef;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What a deploy ships: the commits between the version live in its environment when it was requested (the last
 * SUCCEEDED there) and the requested one. The go/no-go message and the deploy page ask for it on every draw; the
 * base is remembered per deploy and the comparison per (repository, base, head), so a redraw reads neither the
 * database nor the code host. A slow host holds a draw for at most {@code flightdeck.ships.timeout}.
 */
@Singleton
public class WhatShips {

    static final int MAX_REMEMBERED = 2000;
    /** How far back the deploy history is read for the version that was live when an older request was made. */
    static final int HISTORY = 200;

    private final TeamConfig config;
    private final DeployRepository deploys;
    private final Comparisons comparisons;
    /** deploy id -> the live version when it was requested (empty: the first deploy there). */
    private final Map<Long, Optional<String>> bases = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<String>> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    @Inject
    public WhatShips(TeamConfig config, DeployRepository deploys, CodeHistory history, Clock clock,
                     @Value("${flightdeck.ships.timeout:5s}") Duration timeout) {
        this(config, deploys, history, clock, timeout, callers());
    }

    public WhatShips(TeamConfig config, DeployRepository deploys, CodeHistory history, Clock clock, Duration timeout,
                     Executor executor) {
        this.config = config;
        this.deploys = deploys;
        this.comparisons = new Comparisons(history, clock, timeout, executor);
    }

    public Ships of(DeployRequest r) {
        Optional<RepoRef> repo = config.service(r.service()).flatMap(ServiceConfig::repo);
        if (repo.isEmpty()) {
            return new Ships.NotTracked();
        }
        Optional<String> base = base(r);
        if (base.isEmpty()) {
            return new Ships.FirstDeploy(r.service(), r.environment());
        }
        if (base.get().equals(r.version())) {
            return new Ships.NothingNew(base.get());
        }
        return comparisons.compare(repo.get(), base.get(), r.version());
    }

    private Optional<String> base(DeployRequest r) {
        synchronized (bases) {
            Optional<String> known = bases.get(r.id());
            if (known != null) {
                return known;
            }
        }
        Optional<String> base = liveWhenRequested(r);
        synchronized (bases) {
            bases.put(r.id(), base);
        }
        return base;
    }

    /**
     * The version live when {@code r} was requested: the last SUCCEEDED one, unless that finished after the request
     * (this deploy itself, or another since), in which case the history tells what was live before.
     */
    private Optional<String> liveWhenRequested(DeployRequest r) {
        Optional<DeployRequest> live = deploys.lastSucceeded(r.service(), r.environment());
        if (live.isEmpty()) {
            return Optional.empty();
        }
        if (live.get().id() != r.id() && !live.get().finishedAt().isAfter(r.requestedAt())) {
            return Optional.of(live.get().version());
        }
        return deploys.history(r.service(), Optional.of(r.environment()), HISTORY).stream()
                .filter(d -> d.state() == DeployState.SUCCEEDED && d.id() != r.id() && d.finishedAt() != null
                        && !d.finishedAt().isAfter(r.requestedAt()))
                .max(Comparator.comparing(DeployRequest::finishedAt).thenComparingLong(DeployRequest::id))
                .map(DeployRequest::version);
    }

    private static ExecutorService callers() {
        return Executors.newFixedThreadPool(4, run -> {
            Thread t = new Thread(run, "what-ships");
            t.setDaemon(true);
            return t;
        });
    }
}
