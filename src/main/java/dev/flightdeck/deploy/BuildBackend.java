package dev.flightdeck.deploy;

import dev.flightdeck.team.ServiceConfig;

/**
 * Starts a build (port; the Jenkins, CircleCI, GitHub Actions and CodeBuild adapters live in the build package).
 * Called exactly once per start: only the caller that moved the request to TRIGGERING calls it. Status changes
 * after the trigger come back through {@link DeployService#buildStatus}.
 */
public interface BuildBackend {
    BuildTrigger trigger(DeployRequest request, ServiceConfig service);
}
