package dev.flightdeck.build.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.build.Json;
import dev.flightdeck.deploy.check.CiStatus;
import dev.flightdeck.team.RepoRef;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link CiStatus} from GitHub: the commit's combined status ({@code GET /commits/{ref}/status}, which also names the
 * sha the version resolves to) and its check runs ({@code GET /commits/{sha}/check-runs}, 100 a page, every page).
 * A version whose ref GitHub does not know is tried once more as the tag {@code v<version>} (releases are tagged
 * {@code v1.2.0} while the service's versions read {@code 1.2.0}).
 */
@Singleton
public class GithubChecks implements CiStatus {

    static final int PER_PAGE = 100;
    /** 1,000 check runs on one commit is far past any real pipeline; past that the rest is not read. */
    static final int MAX_PAGES = 10;

    private final GithubApi api;

    public GithubChecks(GithubApi api) {
        this.api = api;
    }

    @Override
    public Report read(RepoRef repo, String version) throws Unreadable {
        JsonObject combined = combinedStatus(repo, version);
        String sha = Json.text(combined, "sha").orElseThrow(() -> new Unreadable(
                "GitHub's status of " + version + " in " + repo.fullName() + " named no commit"));
        List<Run> runs = new ArrayList<>(checkRuns(repo, sha));
        for (JsonObject s : objects(combined.get("statuses"))) {
            String context = Json.text(s, "context").orElse("status");
            String state = Json.text(s, "state").orElse("");
            runs.add(new Run(context, GithubCheckStates.status(state), state, Json.text(s, "target_url").orElse(null)));
        }
        return new Report(sha, runs);
    }

    private JsonObject combinedStatus(RepoRef repo, String version) throws Unreadable {
        try {
            return object(api.get(repo, "commits/" + ref(version) + "/status?per_page=" + PER_PAGE));
        } catch (GithubApi.GithubFailure e) {
            if (e.status() == 404 && !version.startsWith("v")) {
                try {
                    return object(api.get(repo, "commits/" + ref("v" + version) + "/status?per_page=" + PER_PAGE));
                } catch (GithubApi.GithubFailure again) {
                    throw new Unreadable(again.status() == 404 ? "GitHub knows no commit, tag or branch " + version
                            + " (nor v" + version + ") in " + repo.fullName() + ", or its token cannot see that repository (HTTP 404)"
                            : again.getMessage());
                }
            }
            throw new Unreadable(e.getMessage());
        }
    }

    private List<Run> checkRuns(RepoRef repo, String sha) throws Unreadable {
        List<Run> runs = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonObject answer;
            try {
                answer = object(api.get(repo, "commits/" + sha + "/check-runs?per_page=" + PER_PAGE + "&page=" + page));
            } catch (GithubApi.GithubFailure e) {
                throw new Unreadable(e.getMessage());
            }
            List<JsonObject> these = objects(answer.get("check_runs"));
            for (JsonObject c : these) {
                String status = Json.text(c, "status").orElse("");
                String conclusion = Json.text(c, "conclusion").orElse(null);
                runs.add(new Run(Json.text(c, "name").orElse("check run"), GithubCheckStates.checkRun(status, conclusion),
                        "completed".equals(status) ? String.valueOf(conclusion) : status,
                        Json.text(c, "html_url").or(() -> Json.text(c, "details_url")).orElse(null)));
            }
            long total = Json.text(answer, "total_count").map(GithubChecks::number).orElse(0L);
            if (these.size() < PER_PAGE || runs.size() >= total) {
                break;
            }
        }
        return runs;
    }

    private static JsonObject object(HttpResponse<String> answer) throws Unreadable {
        return Json.object(answer.body()).orElseThrow(() -> new Unreadable("GitHub answered with something not JSON"
                + " (HTTP " + answer.statusCode() + ")"));
    }

    private static List<JsonObject> objects(JsonElement array) {
        List<JsonObject> out = new ArrayList<>();
        if (array != null && array.isJsonArray()) {
            for (JsonElement e : (JsonArray) array) {
                if (e.isJsonObject()) {
                    out.add(e.getAsJsonObject());
                }
            }
        }
        return out;
    }

    private static String ref(String version) {
        return URLEncoder.encode(version, StandardCharsets.UTF_8);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** For tests and the webhook routes: whether a text looks like a full commit sha. */
    static Optional<String> sha(String text) {
        return text != null && text.matches("[0-9a-f]{40}") ? Optional.of(text) : Optional.empty();
    }
}
