package dev.flightdeck.deploy;

/**
 * Told of every transition a deploy makes, after it is stored and audited (port: the incident timeline listens so
 * deploys that start or finish during an incident appear on it). An observer that fails never undoes the transition.
 */
public interface DeployObserver {

    void transitioned(DeployRequest before, DeployRequest after, DeployEvent event, String actor);
}
