package dev.flightdeck.build.webhook;

import com.google.gson.JsonObject;
import dev.flightdeck.build.Json;
import dev.flightdeck.deploy.release.PublishedRelease;
import dev.flightdeck.deploy.release.ReleaseOutcome;
import dev.flightdeck.deploy.release.ReleaseRequests;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * GitHub's {@code release} event: read the delivery, let {@link ReleaseRequests} decide, and answer GitHub in words
 * its delivery log shows ({@link GithubReleaseAnswers}). Only parsing here; every rule is the use case's.
 */
@Singleton
public class GithubReleaseRoute implements GithubEventRoute {

    private final ReleaseRequests releases;

    public GithubReleaseRoute(ReleaseRequests releases) {
        this.releases = releases;
    }

    @Override
    public String event() {
        return "release";
    }

    @Override
    public Answer handle(String payload) {
        Optional<JsonObject> root = Json.object(payload);
        if (root.isEmpty() || Json.child(root.get(), "release").isEmpty()) {
            return Answer.ignored("no release in this delivery");
        }
        ReleaseOutcome outcome = releases.published(read(root.get()));
        String text = GithubReleaseAnswers.text(outcome);
        return outcome instanceof ReleaseOutcome.Ignored ? Answer.ignored(text) : Answer.done(text);
    }

    /** The fields a request needs, from GitHub's release payload; missing ones are left empty for the use case to name. */
    static PublishedRelease read(JsonObject root) {
        return new PublishedRelease(Json.text(root, "repository.full_name").orElse(null),
                Json.text(root, "release.id").flatMap(GithubReleaseRoute::number).orElse(0L),
                Json.text(root, "action").orElse(null),
                Json.text(root, "release.tag_name").orElse(null),
                Json.text(root, "release.author.login").orElse(null),
                Json.text(root, "release.html_url").orElse(null),
                Json.text(root, "release.draft").map(Boolean::parseBoolean).orElse(false),
                Json.text(root, "release.prerelease").map(Boolean::parseBoolean).orElse(false));
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
