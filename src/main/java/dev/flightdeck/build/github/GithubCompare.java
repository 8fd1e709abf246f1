package dev.flightdeck.build.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.build.Json;
import dev.flightdeck.deploy.ships.CodeHistory;
import dev.flightdeck.team.RepoRef;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link CodeHistory} on GitHub's compare API ({@code GET /repos/{owner}/{repo}/compare/{base}...{head}},
 * docs.github.com/rest/commits/commits#compare-two-commits). Without paging parameters GitHub lists up to 250 commits,
 * oldest first, and counts them all in {@code total_commits}; one call is enough to count and show the first ten.
 * The repository's web address is taken from GitHub's own {@code html_url}s, so GitHub Enterprise links work.
 */
@Singleton
public class GithubCompare implements CodeHistory {

    private final GithubApi api;

    public GithubCompare(GithubApi api) {
        this.api = api;
    }

    @Override
    public Comparison compare(RepoRef repo, String base, String head) throws Unreadable {
        HttpResponse<String> answer;
        try {
            answer = api.get(repo, "compare/" + ref(base) + "..." + ref(head));
        } catch (GithubApi.GithubFailure e) {
            throw new Unreadable(e.getMessage());
        }
        if (answer.statusCode() / 100 != 2) {
            throw new Unreadable("GitHub answered HTTP " + answer.statusCode() + " for " + repo.fullName()
                    + " (moved or renamed?)");
        }
        JsonObject body = Json.object(answer.body()).orElseThrow(() -> new Unreadable(
                "GitHub's compare answer for " + repo.fullName() + " was not JSON"));
        List<Commit> commits = new ArrayList<>();
        JsonElement list = body.get("commits");
        if (list != null && list.isJsonArray()) {
            for (JsonElement e : (JsonArray) list) {
                if (e.isJsonObject()) {
                    commits.add(commit(e.getAsJsonObject()));
                }
            }
        }
        int ahead = number(body, "ahead_by").orElse(number(body, "total_commits").orElse(commits.size()));
        int behind = number(body, "behind_by").orElse(0);
        String compareUrl = Json.text(body, "html_url").orElse(null);
        String web = webBase(compareUrl, "/compare/")
                .or(() -> commits.stream().map(Commit::url).flatMap(u -> webBase(u, "/commit/").stream()).findFirst())
                .orElse(null);
        return new Comparison(ahead, behind, commits, web, compareUrl);
    }

    private static Commit commit(JsonObject c) {
        return new Commit(Json.text(c, "sha").orElse(""), Json.text(c, "commit.message").orElse(""),
                Json.text(c, "author.login").orElse(null), Json.text(c, "commit.author.name").orElse(null),
                Json.text(c, "html_url").orElse(null));
    }

    /** {@code https://github.example.com/acme/commons/compare/…} → {@code https://github.example.com/acme/commons}. */
    static Optional<String> webBase(String htmlUrl, String marker) {
        if (htmlUrl == null) {
            return Optional.empty();
        }
        int at = htmlUrl.indexOf(marker);
        return at > 0 ? Optional.of(htmlUrl.substring(0, at)) : Optional.empty();
    }

    private static Optional<Integer> number(JsonObject body, String field) {
        try {
            return Json.text(body, field).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A version as a path segment: slashes kept (branches like release/5.12), anything else odd escaped. */
    private static String ref(String version) {
        return URLEncoder.encode(version, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
