package dev.flightdeck.incident;

import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployObserver;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import jakarta.inject.Singleton;

/**
 * Deploys of any service that start or finish while an incident is open go on its timeline:
 * a deploy is often the cause, or the fix.
 */
@Singleton
public class DeploysOnTheTimeline implements DeployObserver {

    private final IncidentTimeline timeline;

    public DeploysOnTheTimeline(IncidentTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void transitioned(DeployRequest before, DeployRequest after, DeployEvent event, String actor) {
        String phase = phase(after.state());
        if (phase != null) {
            timeline.recordDeployEvent(after.service(), after.environment(), after.version(), phase,
                    after.runnerId() != null && actor.startsWith("system:") ? after.runnerId() : actor, after.stateChangedAt());
        }
    }

    static String phase(DeployState state) {
        return switch (state) {
            case RUNNING -> "started";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case ABORTED -> "aborted";
            case TRIGGER_FAILED -> "could not start";
            default -> null;
        };
    }
}
