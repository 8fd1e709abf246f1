package dev.flightdeck.slack.deploy;

import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code /deploy} command, one record per form {@link DeployForm} lists.
 * Service and environment names are lowercase; versions, ids, notes and reasons are as typed.
 */
public sealed interface DeployCommand {

    int DEFAULT_HISTORY_LIMIT = 10;
    int MAX_HISTORY_LIMIT = 100;
    int DEFAULT_STATS_DAYS = 30;
    int MAX_STATS_DAYS = 365;

    /**
     * {@code /deploy <service> <version> to <env> [runner @user] [-- note] [-- check: item]...}; runnerUserId is a
     * Slack user id; {@code checks} the checklist items typed with it (see {@link RequestChecks}).
     */
    record Request(String service, String version, String env, Optional<String> runnerUserId,
                   Optional<String> note, List<String> checks) implements DeployCommand {
        public Request {
            checks = List.copyOf(checks);
        }

        public Request(String service, String version, String env, Optional<String> runnerUserId, Optional<String> note) {
            this(service, version, env, runnerUserId, note, List.of());
        }
    }

    /** {@code /deploy} with no argument. */
    record OpenRequestModal() implements DeployCommand {
    }

    record Status(Optional<String> service) implements DeployCommand {
    }

    /** limit is 1..{@value #MAX_HISTORY_LIMIT}, default {@value #DEFAULT_HISTORY_LIMIT}. */
    record History(String service, Optional<String> env, int limit) implements DeployCommand {
    }

    /** id as typed (a leading '#' removed); reason after {@code --}, needed to cancel a deploy whose build runs. */
    record Cancel(String id, Optional<String> reason) implements DeployCommand {
        public Cancel(String id) {
            this(id, Optional.empty());
        }
    }

    record Rollback(String service, String env) implements DeployCommand {
    }

    record Lock(String service, String env, String reason) implements DeployCommand {
    }

    record Unlock(String service, String env) implements DeployCommand {
    }

    record Config(String service, String env) implements DeployCommand {
    }

    record ConfigDiff(String service, String envA, String envB) implements DeployCommand {
    }

    record ConfigCheck(String service, String env) implements DeployCommand {
    }

    /** {@code config set <service> <env> <KEY>}: the key as typed (keys are case-sensitive). */
    record ConfigSet(String service, String env, String key) implements DeployCommand {
    }

    record ConfigUnset(String service, String env, String key) implements DeployCommand {
    }

    record ConfigRevert(long changeId) implements DeployCommand {
    }

    record Alarms(Optional<String> service, Optional<String> env) implements DeployCommand {
    }

    record Health(String service, String env) implements DeployCommand {
    }

    /** {@code logs <service> <env> [since 1h] [-- <filter>]}: since within 1m..30d; the filter as typed after "--". */
    record Logs(String service, String env, java.time.Duration since, Optional<String> filter) implements DeployCommand {
    }

    /** {@code /deploy slo [service] [env]}: both empty is every service with an SLO in its production environments. */
    record Slo(Optional<String> service, Optional<String> env) implements DeployCommand {
    }

    /** days is 1..{@value #MAX_STATS_DAYS}, default {@value #DEFAULT_STATS_DAYS}. */
    record Stats(Optional<String> service, int days) implements DeployCommand {
    }

    record Help() implements DeployCommand {
    }

    /** {@code /deploy flag <key> [env]}: the flag's state per environment; the key is kept as typed (keys are case-sensitive). */
    record FlagShow(String key, Optional<String> env) implements DeployCommand {
    }

    /** {@code /deploy flag <key> on|off in <env>}: a request through the environment's go/no-go policy. */
    record FlagFlip(String key, boolean on, String env) implements DeployCommand {
    }

    /** {@code claim <pool|slot> [for 4h] [-- <what for>]}: hold empty for the default; purpose as typed after "--". */
    record Claim(String target, Optional<java.time.Duration> hold, Optional<String> purpose) implements DeployCommand {
    }

    /** {@code release <slot|pool>}. */
    record Release(String name) implements DeployCommand {
    }
}
