package dev.flightdeck.build.webhook;

import com.google.gson.JsonObject;
import dev.flightdeck.build.Json;
import dev.flightdeck.build.github.GithubFollowUpIssues;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUps;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * GitHub's {@code issues} event: an issue Flightdeck opened for a follow-up was closed, so the follow-up is closed
 * too: done, or won't do when GitHub says "not planned", by the GitHub login that closed it. Other actions and issues
 * Flightdeck did not open are answered "ignored".
 */
@Singleton
public class GithubIssuesRoute implements GithubEventRoute {

    private final FollowUps followUps;

    public GithubIssuesRoute(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public String event() {
        return "issues";
    }

    @Override
    public Answer handle(String payload) {
        Optional<JsonObject> root = Json.object(payload);
        if (root.isEmpty() || Json.child(root.get(), "issue").isEmpty()) {
            return Answer.ignored("no issue in this delivery");
        }
        String action = Json.text(root.get(), "action").orElse("");
        if (!action.equals("closed")) {
            return Answer.ignored("issues " + action + " is not used by Flightdeck (only closed)");
        }
        Optional<String> repo = Json.text(root.get(), "repository.full_name");
        Optional<String> number = Json.text(root.get(), "issue.number");
        if (repo.isEmpty() || number.isEmpty()) {
            return Answer.ignored("the delivery names no repository or issue number");
        }
        String key = GithubFollowUpIssues.key(repo.get(), number.get());
        boolean notPlanned = Json.text(root.get(), "issue.state_reason").map("not_planned"::equals).orElse(false);
        String by = "github:" + Json.text(root.get(), "sender.login").orElse("unknown");
        boolean closed = followUps.closedInTracker(key, notPlanned ? FollowUpState.WONT_DO : FollowUpState.DONE, by,
                "issue " + key + " closed on GitHub");
        return closed ? Answer.done("follow-up of " + key + " closed")
                : Answer.ignored(key + " is no open follow-up's issue");
    }
}
