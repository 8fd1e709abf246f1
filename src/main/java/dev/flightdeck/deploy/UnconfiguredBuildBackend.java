package dev.flightdeck.deploy;

import dev.flightdeck.team.ServiceConfig;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * The build backend until real ones are installed: says so instead of pretending, so an approved deploy ends in
 * TRIGGER_FAILED with a visible reason and production never silently does nothing.
 */
@Singleton
@Secondary
public class UnconfiguredBuildBackend implements BuildBackend {
    @Override
    public BuildTrigger trigger(DeployRequest request, ServiceConfig service) {
        return new BuildTrigger.Failed("no build backend configured for " + request.service()
                + " (" + service.build().kind() + " builds are not supported by this version of Flightdeck)");
    }
}
