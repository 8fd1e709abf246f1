package dev.flightdeck.deploy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs the due post-release probes on a timer; off where {@code flightdeck.deploy.post-release-job} is false. */
@Singleton
@Requires(property = "flightdeck.deploy.post-release-job", notEquals = "false")
@Requires(beans = DeployRepository.class)
public class PostReleaseJob {

    private final PostReleaseChecks checks;

    public PostReleaseJob(PostReleaseChecks checks) {
        this.checks = checks;
    }

    @Scheduled(fixedDelay = "${flightdeck.deploy.scheduler-interval:15s}", initialDelay = "${flightdeck.deploy.scheduler-interval:15s}")
    void run() {
        checks.runDue();
    }
}
