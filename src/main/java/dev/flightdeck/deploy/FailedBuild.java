package dev.flightdeck.deploy;

import dev.flightdeck.team.BuildBackendConfig;

import java.util.Optional;

/**
 * A build that failed, as much as Flightdeck knows of it, for {@link BuildFailures} to read its log.
 *
 * @param service     the service in the team file whose build it is
 * @param environment the environment it builds; empty for CI on a branch
 * @param backend     the service's backend config for that environment (with {env} filled in)
 * @param label       how Flightdeck names the build ({@code hello-staging build #12}, {@code test.yml run #163})
 * @param url         the build's page as the backend reported it, or null
 */
public record FailedBuild(String service, Optional<String> environment, BuildBackendConfig backend, String label,
                          String url) {
}
