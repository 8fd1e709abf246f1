package dev.flightdeck.build.poll;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.build.BuildEvent;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.build.Json;
import dev.flightdeck.build.circleci.CircleCiStatuses;
import dev.flightdeck.build.codebuild.CodeBuildBackend;
import dev.flightdeck.build.github.GithubStatuses;
import dev.flightdeck.build.jenkins.JenkinsStatuses;
import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.DeployRequest;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a backend how a running build is doing, for setups without webhooks. Each answer is the same
 * {@link BuildEvent} a webhook would give, its status words read through the same backend status table, so both end
 * in the same deploy transitions. Empty: still running or not knowable yet.
 */
@Singleton
public class BuildStatusReaders {

    private static final Pattern RUN_ID = Pattern.compile("/actions/runs/([0-9]+)");
    private static final Pattern PIPELINE_NUMBER = Pattern.compile("pipeline #([0-9]+)$");

    private final BuildHttp http;
    private final EnvSecrets secrets;
    private final CodeBuildBackend codeBuild;
    private final String circleApi;
    private final String githubApi;

    public BuildStatusReaders(BuildHttp http, EnvSecrets secrets, CodeBuildBackend codeBuild,
                              @Value("${flightdeck.build.circleci.api-url:`https://circleci.com/api/v2`}") String circleApi,
                              @Value("${flightdeck.build.github.api-url:`https://api.github.com`}") String githubApi) {
        this.http = http;
        this.secrets = secrets;
        this.codeBuild = codeBuild;
        this.circleApi = circleApi.replaceAll("/+$", "");
        this.githubApi = githubApi.replaceAll("/+$", "");
    }

    public Optional<BuildEvent> read(DeployRequest r, BuildBackendConfig backend) throws BuildHttp.BuildCallFailed {
        if (r.buildUrl() == null && r.buildLabel() == null) {
            return Optional.empty();
        }
        if (backend instanceof BuildBackendConfig.Jenkins j) {
            return jenkins(r, j);
        }
        if (backend instanceof BuildBackendConfig.GithubActions g) {
            return github(r, g);
        }
        if (backend instanceof BuildBackendConfig.CircleCi c) {
            return circleci(r, c);
        }
        if (backend instanceof BuildBackendConfig.CodeBuild cb) {
            try {
                return codeBuild.status(r, cb);
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                throw new BuildHttp.BuildCallFailed("CodeBuild did not answer BatchGetBuilds (" + e.getClass().getSimpleName() + ")", e);
            }
        }
        return Optional.empty();
    }

    /**
     * The build a deploy started, found by its deploy id, when the start never recorded it (Flightdeck stopped between
     * the trigger and saving the answer). GitHub runs carry the id in their run name (see the README); other backends
     * give no way to search by it, so their deploys end TRIGGER_FAILED with Retry instead.
     */
    public Optional<BuildEvent> findByDeployId(DeployRequest r, BuildBackendConfig backend) throws BuildHttp.BuildCallFailed {
        if (!(backend instanceof BuildBackendConfig.GithubActions g)) {
            return Optional.empty();
        }
        Optional<String> token = secrets.get(g.tokenEnv());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<String> runs = http.send(HttpRequest.newBuilder(URI.create(githubApi + "/repos/" + g.repo()
                        + "/actions/workflows/" + java.net.URLEncoder.encode(g.workflow(), StandardCharsets.UTF_8)
                        + "/runs?event=workflow_dispatch&per_page=50"))
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28").GET());
        JsonElement list = Json.object(runs.body()).map(j -> j.get("workflow_runs")).orElse(null);
        if (runs.statusCode() != 200 || list == null || !list.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement e : list.getAsJsonArray()) {
            JsonObject run = e.getAsJsonObject();
            if (Json.text(run, "display_title").map(t -> t.contains("flightdeck #" + r.id() + ")")).orElse(false)) {
                return Optional.of(new BuildEvent("github-actions", g.repo() + "/" + g.workflow(),
                        g.workflow() + " run #" + Json.text(run, "run_number").orElse("?"), BuildPhase.STARTED,
                        Json.text(run, "html_url").orElse(null), null, Optional.of(r.id()), null));
            }
        }
        return Optional.empty();
    }

    private Optional<BuildEvent> jenkins(DeployRequest r, BuildBackendConfig.Jenkins j) throws BuildHttp.BuildCallFailed {
        Optional<String> token = secrets.get(j.tokenEnv());
        // Only a build URL (not a queue item) can be read; the webhook or a later poll fills in the rest.
        if (token.isEmpty() || r.buildUrl() == null || !r.buildUrl().contains("/job/")) {
            return Optional.empty();
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((j.user() + ":" + token.get()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> build = http.send(HttpRequest.newBuilder(URI.create(r.buildUrl().replaceAll("/+$", "") + "/api/json"))
                .header("Authorization", auth).GET());
        notFound(build, "Jenkins has no build at " + r.buildUrl());
        Optional<JsonObject> json = Json.object(build.body());
        if (build.statusCode() != 200 || json.isEmpty()) {
            return Optional.empty();
        }
        // A build that does not say it stopped building is still building.
        boolean building = Json.text(json.get(), "building").orElse("true").equals("true");
        return JenkinsStatuses.build(building, Json.text(json.get(), "result").orElse(null))
                .map(phase -> event("jenkins", j.job(), r, phase));
    }

    private Optional<BuildEvent> github(DeployRequest r, BuildBackendConfig.GithubActions g) throws BuildHttp.BuildCallFailed {
        Optional<String> token = secrets.get(g.tokenEnv());
        Matcher m = r.buildUrl() == null ? null : RUN_ID.matcher(r.buildUrl());
        if (token.isEmpty() || m == null || !m.find()) {
            return Optional.empty();
        }
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(githubApi + "/repos/" + g.repo() + "/actions/runs/" + m.group(1)))
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28").GET());
        notFound(run, "GitHub has no run " + m.group(1) + " in " + g.repo());
        Optional<JsonObject> json = Json.object(run.body());
        if (run.statusCode() != 200 || json.isEmpty()) {
            return Optional.empty();
        }
        return GithubStatuses.run(Json.text(json.get(), "status").orElse(null), Json.text(json.get(), "conclusion").orElse(null))
                .map(phase -> event("github-actions", g.repo() + "/" + g.workflow(), r, phase));
    }

    private Optional<BuildEvent> circleci(DeployRequest r, BuildBackendConfig.CircleCi c) throws BuildHttp.BuildCallFailed {
        Optional<String> token = secrets.get(c.tokenEnv());
        Matcher m = r.buildLabel() == null ? null : PIPELINE_NUMBER.matcher(r.buildLabel());
        if (token.isEmpty() || m == null || !m.find()) {
            return Optional.empty();
        }
        HttpResponse<String> pipeline = http.send(circle(circleApi + "/project/" + c.project() + "/pipeline/" + m.group(1), token.get()));
        notFound(pipeline, "CircleCI has no pipeline #" + m.group(1) + " in " + c.project());
        Optional<String> id = Json.object(pipeline.body()).flatMap(j -> Json.text(j, "id"));
        if (pipeline.statusCode() != 200 || id.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<String> workflows = http.send(circle(circleApi + "/pipeline/" + id.get() + "/workflow", token.get()));
        JsonElement items = Json.object(workflows.body()).map(j -> j.get("items")).orElse(null);
        if (workflows.statusCode() != 200 || items == null || !items.isJsonArray() || items.getAsJsonArray().isEmpty()) {
            return Optional.empty();
        }
        List<Optional<BuildPhase>> each = new ArrayList<>();
        for (JsonElement w : items.getAsJsonArray()) {
            JsonObject workflow = w.getAsJsonObject();
            each.add(CircleCiStatuses.workflow(Json.text(workflow, "status").orElse(null),
                    Json.text(workflow, "stopped_at").isPresent()));
        }
        return CircleCiStatuses.pipeline(each).map(phase -> event("circleci", c.project(), r, phase));
    }

    /** 404 is the backend saying the build does not exist; other failures may pass and are read again later. */
    private static void notFound(HttpResponse<String> answer, String what) throws BuildHttp.BuildNotFound {
        if (answer.statusCode() == 404) {
            throw new BuildHttp.BuildNotFound(what + " (HTTP 404)");
        }
    }

    private static HttpRequest.Builder circle(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Circle-Token", token).header("Accept", "application/json").GET();
    }

    private static BuildEvent event(String backend, String job, DeployRequest r, BuildPhase phase) {
        return new BuildEvent(backend, job, r.buildLabel(), phase, r.buildUrl(), null, Optional.of(r.id()), null);
    }
}
