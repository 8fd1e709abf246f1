package dev.flightdeck.build.github;

import com.google.gson.JsonObject;
import dev.flightdeck.build.Json;
import dev.flightdeck.build.webhook.GithubEventRoute;
import dev.flightdeck.deploy.DeployRechecks;

import java.util.Optional;

/**
 * Gate ci: a check suite or workflow run that completed on a commit makes every deploy waiting for CI on that commit
 * check again at once (instead of at the next minute). Two routes, one per event, the same rule.
 */
public abstract class GithubCiEvents implements GithubEventRoute {

    private final DeployRechecks rechecks;
    private final String event;
    private final String object;

    GithubCiEvents(DeployRechecks rechecks, String event, String object) {
        this.rechecks = rechecks;
        this.event = event;
        this.object = object;
    }

    @Override
    public String event() {
        return event;
    }

    @Override
    public Answer handle(String payload) {
        Optional<JsonObject> root = Json.object(payload);
        String action = root.flatMap(r -> Json.text(r, "action")).orElse("");
        if (!"completed".equals(action)) {
            return Answer.ignored(event + " " + (action.isEmpty() ? "without an action" : action)
                    + ": only completed ones are used (gate ci)");
        }
        Optional<String> sha = root.flatMap(r -> Json.text(r, object + ".head_sha")).flatMap(GithubChecks::sha);
        if (sha.isEmpty()) {
            return Answer.ignored(event + " completed without a head_sha");
        }
        int ran = rechecks.recheckWaitingOn(sha.get());
        return ran == 0 ? Answer.ignored("no deploy waits for CI on " + sha.get().substring(0, 7))
                : Answer.done("checked CI again for " + ran + (ran == 1 ? " deploy" : " deploys") + " waiting on "
                        + sha.get().substring(0, 7));
    }

    /** {@code check_suite} (action completed): any GitHub App's suite on the commit finished. */
    @jakarta.inject.Singleton
    @io.micronaut.context.annotation.Requires(beans = DeployRechecks.class)
    public static class CheckSuite extends GithubCiEvents {
        public CheckSuite(DeployRechecks rechecks) {
            super(rechecks, "check_suite", "check_suite");
        }
    }

    /** {@code workflow_run} (action completed): runs after the build-status path, which follows deploys' own runs. */
    @jakarta.inject.Singleton
    @io.micronaut.context.annotation.Requires(beans = DeployRechecks.class)
    public static class WorkflowRun extends GithubCiEvents {
        public WorkflowRun(DeployRechecks rechecks) {
            super(rechecks, "workflow_run", "workflow_run");
        }
    }
}
