package dev.flightdeck.team;

import java.util.Optional;

/** Names of the environment variables holding each build backend's webhook secret; never the secrets themselves. */
public record WebhooksConfig(Optional<String> jenkinsTokenEnv,
                             Optional<String> circleciSecretEnv,
                             Optional<String> githubSecretEnv) {

    public static final WebhooksConfig NONE = new WebhooksConfig(Optional.empty(), Optional.empty(), Optional.empty());
}
