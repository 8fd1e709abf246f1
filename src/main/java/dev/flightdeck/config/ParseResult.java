package dev.flightdeck.config;

import java.util.List;
import dev.flightdeck.team.TeamConfig;

/** The outcome of reading a team config: every error at once, or the config. */
public sealed interface ParseResult {

    record Valid(TeamConfig config) implements ParseResult {
    }

    record Invalid(List<ConfigError> errors) implements ParseResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("Invalid needs at least one error");
            }
        }
    }

    /** @throws TeamConfigException listing every error, one per line */
    default TeamConfig orElseThrow() {
        if (this instanceof Valid v) {
            return v.config();
        }
        throw new TeamConfigException(((Invalid) this).errors());
    }
}
