package dev.flightdeck.team;

import java.util.Optional;

/**
 * {@code on-release: { environment: staging, runner: U0DEV }}: a published GitHub release of the service opens a
 * deploy request of its tag to {@code environment}, with {@code runner} (a Slack user id) to press Start.
 */
public record OnRelease(String environment, Optional<String> runner) {
}
