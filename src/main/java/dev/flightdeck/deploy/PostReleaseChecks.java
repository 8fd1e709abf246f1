package dev.flightdeck.deploy;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After a success, the service's deep health URL and alarms are watched for the environment's
 * {@code post-release-check} (default 5m): the first failure is posted in the deploy's thread at once; a clean
 * watch is posted when it ends. Watches live in the database, so a restart or a second replica continues them.
 */
@Singleton
public class PostReleaseChecks implements DeployObserver {

    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";

    private final PostReleaseRepository watches;
    private final DeployRepository deploys;
    private final ReleaseProbe probe;
    private final DeployAnnouncer announcer;
    private final TeamConfig team;
    private final Clock clock;
    private final Duration every;

    public PostReleaseChecks(PostReleaseRepository watches, DeployRepository deploys, ReleaseProbe probe,
                             DeployAnnouncer announcer, TeamConfig team, Clock clock,
                             @Value("${flightdeck.deploy.post-release-probe-every:30s}") Duration every) {
        this.watches = watches;
        this.deploys = deploys;
        this.probe = probe;
        this.announcer = announcer;
        this.team = team;
        this.clock = clock;
        this.every = every;
    }

    @Override
    public void transitioned(DeployRequest before, DeployRequest after, DeployEvent event, String actor) {
        if (after.state() != DeployState.SUCCEEDED) {
            return;
        }
        Optional<EnvironmentConfig> env = team.environment(after.environment());
        if (env.isEmpty() || env.get().postReleaseCheck().isZero()) {
            return;
        }
        Instant now = clock.instant();
        watches.start(after.id(), now, now.plus(env.get().postReleaseCheck()), now);
        if (wakeups != null) {
            wakeups.dueBy(Wakeups.POST_RELEASE, now); // the first probe is due now
        }
    }

    private Wakeups wakeups;

    /** The post-release job's waker, told of each new watch (absent in plain unit tests). */
    @Inject
    void wakeWith(Wakeups wakeups) {
        this.wakeups = wakeups;
    }

    /** Probes every watch that is due; returns how many it probed. */
    public int runDue() {
        Instant now = clock.instant();
        int probed = 0;
        for (PostReleaseRepository.Watch w : watches.due(now, 50)) {
            if (!watches.claim(w.deployId(), w.nextAt(), now.plus(every))) {
                continue;
            }
            probed++;
            Optional<DeployRequest> deploy = deploys.find(w.deployId());
            if (deploy.isEmpty()) {
                watches.finish(w.deployId(), FAILED);
                continue;
            }
            DeployRequest r = deploy.get();
            ReleaseProbe.Result result = probe.probe(r.service(), r.environment());
            Duration watched = Duration.between(w.startedAt(), w.endsAt());
            if (!result.watched()) {
                if (watches.finish(w.deployId(), PASSED)) {
                    announcer.reply(r, new DeployNews.PostRelease(DeployNews.PostRelease.Verdict.SKIPPED, result.text(), watched));
                }
            } else if (!result.healthy()) {
                if (watches.finish(w.deployId(), FAILED)) {
                    announcer.reply(r, new DeployNews.PostRelease(DeployNews.PostRelease.Verdict.FAILED, result.text(), watched));
                }
            } else if (!now.isBefore(w.endsAt())) {
                if (watches.finish(w.deployId(), PASSED)) {
                    announcer.reply(r, new DeployNews.PostRelease(DeployNews.PostRelease.Verdict.PASSED, result.text(), watched));
                }
            }
        }
        return probed;
    }
}
