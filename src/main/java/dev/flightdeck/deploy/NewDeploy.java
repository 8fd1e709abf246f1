package dev.flightdeck.deploy;

import java.util.List;
import java.util.Optional;

/**
 * What a person asks for: {@code /deploy <service> <version> to <env> [runner @user] [-- note] [-- check: item]}.
 * {@code checklist} holds the items typed with the request ({@code check:}); the team file's come on top.
 */
public record NewDeploy(String service, String version, String environment, String requesterId,
                        Optional<String> runnerId, Optional<String> note, Optional<Long> rollbackOf,
                        List<String> checklist) {

    public NewDeploy {
        checklist = List.copyOf(checklist);
    }

    public NewDeploy(String service, String version, String environment, String requesterId,
                     Optional<String> runnerId, Optional<String> note, Optional<Long> rollbackOf) {
        this(service, version, environment, requesterId, runnerId, note, rollbackOf, List.of());
    }

    public static NewDeploy of(String service, String version, String environment, String requesterId,
                               Optional<String> runnerId, Optional<String> note) {
        return new NewDeploy(service, version, environment, requesterId, runnerId, note, Optional.empty());
    }
}
