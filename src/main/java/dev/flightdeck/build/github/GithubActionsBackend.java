package dev.flightdeck.build.github;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.build.BuildParameters;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.build.Json;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.BuildTrigger;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions: {@code POST /repos/<owner>/<repo>/actions/workflows/<workflow>/dispatches} with the inputs, then
 * the run it created, found in the workflow's runs by its title ({@code run-name} should contain
 * {@code flightdeck #<deploy_id>}, see the README) or else as the newest dispatch run since the trigger.
 */
@Singleton
public class GithubActionsBackend {

    static final int RUN_POLLS = 5;

    private final BuildHttp http;
    private final EnvSecrets secrets;
    private final Clock clock;
    private final String api;

    public GithubActionsBackend(BuildHttp http, EnvSecrets secrets, Clock clock,
                                @Value("${flightdeck.build.github.api-url:`https://api.github.com`}") String api) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
        this.api = api.replaceAll("/+$", "");
    }

    public BuildTrigger trigger(BuildBackendConfig.GithubActions gha, BuildParameters params) throws BuildHttp.BuildCallFailed {
        Optional<String> token = secrets.get(gha.tokenEnv());
        if (token.isEmpty()) {
            return new BuildTrigger.Failed("the GitHub token is not set (environment variable " + gha.tokenEnv() + ")");
        }
        String workflow = api + "/repos/" + gha.repo() + "/actions/workflows/" + URLEncoder.encode(gha.workflow(), StandardCharsets.UTF_8);
        Map<String, Object> body = new LinkedHashMap<>();
        String ref = params.branch().orElse(gha.ref()); // a branch deploy runs the workflow on the branch
        body.put("ref", ref);
        body.put("inputs", params.lowerCase());
        Instant dispatchedAt = clock.instant();
        HttpResponse<String> dispatched = http.send(request(workflow + "/dispatches", token.get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new Gson().toJson(body))));
        int status = dispatched.statusCode();
        if (status == 401 || status == 403) {
            return new BuildTrigger.Failed("GitHub refused the token for " + gha.repo() + " (HTTP " + status + ")");
        }
        if (status == 404) {
            return new BuildTrigger.Failed("GitHub has no workflow " + gha.workflow() + " in " + gha.repo()
                    + " (or the token cannot see it)");
        }
        if (status == 422) {
            return new BuildTrigger.Failed("GitHub refused the dispatch of " + gha.workflow() + " on " + ref
                    + Json.object(dispatched.body()).flatMap(j -> Json.text(j, "message")).map(m -> ": " + m).orElse(""));
        }
        if (status / 100 != 2) {
            return new BuildTrigger.Failed("GitHub answered HTTP " + status + " to the dispatch of " + gha.workflow());
        }
        return findRun(gha, ref, workflow, token.get(), params.deployId(), dispatchedAt);
    }

    private BuildTrigger findRun(BuildBackendConfig.GithubActions gha, String ref, String workflow, String token,
                                 long deployId, Instant since) throws BuildHttp.BuildCallFailed {
        String list = workflow + "/runs?event=workflow_dispatch&branch=" + URLEncoder.encode(ref, StandardCharsets.UTF_8)
                + "&per_page=20";
        for (int poll = 0; poll < RUN_POLLS; poll++) {
            HttpResponse<String> runs = http.send(request(list, token).GET());
            Optional<JsonObject> run = Json.object(runs.body()).flatMap(j -> pick(j, deployId, since));
            if (run.isPresent()) {
                return new BuildTrigger.Started(gha.workflow() + " run #" + Json.text(run.get(), "run_number").orElse("?"),
                        Json.text(run.get(), "html_url").orElse(null));
            }
            http.pause();
        }
        return new BuildTrigger.Started(gha.workflow() + " (dispatched)",
                "https://github.com/" + gha.repo() + "/actions/workflows/" + gha.workflow());
    }

    /** The run titled with this deploy's id, else the newest one created since the dispatch. */
    static Optional<JsonObject> pick(JsonObject page, long deployId, Instant since) {
        JsonElement runs = page.get("workflow_runs");
        if (runs == null || !runs.isJsonArray()) {
            return Optional.empty();
        }
        JsonObject newest = null;
        for (JsonElement e : runs.getAsJsonArray()) {
            JsonObject run = e.getAsJsonObject();
            if (Json.text(run, "display_title").map(t -> t.contains("flightdeck #" + deployId)).orElse(false)) {
                return Optional.of(run);
            }
            Instant created = Json.text(run, "created_at").map(Instant::parse).orElse(Instant.EPOCH);
            // GitHub's timestamps are to the second; allow for clock skew between us and GitHub.
            if (!created.isBefore(since.minusSeconds(10)) && newest == null) {
                newest = run;
            }
        }
        return Optional.ofNullable(newest);
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28");
    }
}
