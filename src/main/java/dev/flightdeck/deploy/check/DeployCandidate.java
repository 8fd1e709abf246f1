package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.ServiceConfig;

import java.time.Instant;

/** What the checks look at: the deploy being asked for, with its service's and environment's team config. */
public record DeployCandidate(String service, String environment, String version, String requesterId,
                              ServiceConfig serviceConfig, EnvironmentConfig environmentConfig, Instant at) {
}
