package dev.flightdeck.deploy;

import java.util.Optional;

/** What a person asks for: {@code /deploy <service> <version> to <env> [runner @user] [-- note]}. */
public record NewDeploy(String service, String version, String environment, String requesterId,
                        Optional<String> runnerId, Optional<String> note, Optional<Long> rollbackOf) {

    public static NewDeploy of(String service, String version, String environment, String requesterId,
                               Optional<String> runnerId, Optional<String> note) {
        return new NewDeploy(service, version, environment, requesterId, runnerId, note, Optional.empty());
    }
}
