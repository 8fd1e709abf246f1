package dev.flightdeck.deploy;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs the due post-release probes when the next one is due ({@link Waker}; at the latest every
 * {@code flightdeck.deploy.scheduler-interval}, 60 s by default); off where {@code flightdeck.deploy.post-release-job}
 * is false. A deploy that succeeds here wakes it ({@link PostReleaseChecks#transitioned}).
 */
@Singleton
@Requires(property = "flightdeck.deploy.post-release-job", notEquals = "false")
@Requires(beans = DeployRepository.class)
public class PostReleaseJob implements BackgroundJob {

    public PostReleaseJob(PostReleaseChecks checks, PostReleaseRepository watches, Wakeups wakeups,
                          @Value("${flightdeck.deploy.scheduler-interval:60s}") Duration cap) {
        wakeups.start(Wakeups.POST_RELEASE, Waker.Job.of(watches::nextDue, () -> checks.runDue()), cap);
    }
}
