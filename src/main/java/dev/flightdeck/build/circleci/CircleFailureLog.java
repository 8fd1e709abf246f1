package dev.flightdeck.build.circleci;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.build.Json;
import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.team.BuildBackendConfig;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a CircleCI pipeline failed: its failed workflow (named in the build's URL, else the pipeline's first failed
 * one), that workflow's failed job ({@code GET /workflow/{id}/job}, API v2), the job's steps from API v1.1
 * ({@code GET /project/{vcs}/{org}/{repo}/{job_number}}: {@code steps[].actions[]} with status {@code failed}), and
 * that action's output from its {@code output_url}, a pre-signed URL fetched without the token.
 */
@Singleton
public class CircleFailureLog {

    private static final Pattern WORKFLOW = Pattern.compile("/workflows/([0-9a-fA-F-]{36})");
    private static final Pattern PIPELINE_NUMBER = Pattern.compile("pipeline #([0-9]+)$");

    private final BuildHttp http;
    private final EnvSecrets secrets;
    private final String api;
    private final String apiV1;

    public CircleFailureLog(BuildHttp http, EnvSecrets secrets,
                            @Value("${flightdeck.build.circleci.api-url:`https://circleci.com/api/v2`}") String api,
                            @Value("${flightdeck.build.circleci.api-v1-url:`https://circleci.com/api/v1.1`}") String apiV1) {
        this.http = http;
        this.secrets = secrets;
        this.api = api.replaceAll("/+$", "");
        this.apiV1 = apiV1.replaceAll("/+$", "");
    }

    public BuildFailure read(BuildBackendConfig.CircleCi circle, String label, String url) throws BuildHttp.BuildCallFailed {
        Optional<String> token = secrets.get(circle.tokenEnv());
        if (token.isEmpty()) {
            return new BuildFailure.Unreadable("the CircleCI token is not set (environment variable " + circle.tokenEnv() + ")", url);
        }
        String slug = CircleSlugs.canonical(circle.project());
        if (slug.startsWith("circleci/")) {
            return new BuildFailure.Unreadable("CircleCI serves step output (API v1.1) only for GitHub OAuth and Bitbucket"
                    + " projects, not " + circle.project(), url);
        }
        List<String> workflows = workflows(circle, label, url, token.get());
        for (String workflow : workflows) {
            HttpResponse<String> jobs = http.send(get(api + "/workflow/" + workflow + "/job", token.get()));
            Optional<JsonObject> failed = first(jobs, "items", "failed");
            if (failed.isPresent()) {
                return job(slug, failed.get(), token.get(), url);
            }
        }
        return new BuildFailure.Unreadable(workflows.isEmpty() ? "CircleCI named no failed workflow of this pipeline"
                : "CircleCI named no failed job in its workflows", url);
    }

    private BuildFailure job(String slug, JsonObject job, String token, String url) throws BuildHttp.BuildCallFailed {
        String name = "job " + Json.text(job, "name").orElse("?");
        String number = Json.text(job, "job_number").orElse(null);
        if (number == null) {
            return new BuildFailure.Unreadable("CircleCI gave no number for the failed " + name, url);
        }
        String link = "https://app.circleci.com/pipelines/" + slug.replaceFirst("^github/", "gh/").replaceFirst("^bitbucket/", "bb/")
                + "/jobs/" + number;
        HttpResponse<String> details = http.send(get(apiV1 + "/project/" + slug + "/" + number, token));
        if (details.statusCode() != 200) {
            return new BuildFailure.Unreadable("CircleCI answered HTTP " + details.statusCode() + " for " + name, link);
        }
        JsonElement steps = Json.object(details.body()).map(j -> j.get("steps")).orElse(null);
        if (steps != null && steps.isJsonArray()) {
            for (JsonElement s : steps.getAsJsonArray()) {
                JsonElement actions = s.getAsJsonObject().get("actions");
                for (JsonElement a : actions != null && actions.isJsonArray() ? actions.getAsJsonArray() : new com.google.gson.JsonArray()) {
                    JsonObject action = a.getAsJsonObject();
                    if ("failed".equals(Json.text(action, "status").orElse(""))) {
                        String step = name + ", step " + Json.text(s.getAsJsonObject(), "name").orElse("?");
                        return output(step, Json.text(action, "output_url").orElse(null), link);
                    }
                }
            }
        }
        return new BuildFailure.Unreadable("CircleCI named no failed step of " + name, link);
    }

    private BuildFailure output(String step, String outputUrl, String link) throws BuildHttp.BuildCallFailed {
        if (outputUrl == null) {
            return new BuildFailure.Report(step, List.of(), link);
        }
        // Pre-signed: the token must not travel to its host.
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(outputUrl)).GET());
        if (out.statusCode() != 200) {
            return new BuildFailure.Unreadable("the step's output answered HTTP " + out.statusCode(), link);
        }
        StringBuilder text = new StringBuilder();
        try {
            for (JsonElement m : JsonParser.parseString(out.body()).getAsJsonArray()) {
                text.append(Json.text(m.getAsJsonObject(), "message").orElse(""));
            }
        } catch (RuntimeException notJson) {
            return new BuildFailure.Unreadable("the step's output was not CircleCI's JSON", link);
        }
        return new BuildFailure.Report(step, BuildFailure.tail(text.toString()), link);
    }

    /** The workflow in the URL (a webhook's), else every failed workflow of the pipeline. */
    private List<String> workflows(BuildBackendConfig.CircleCi circle, String label, String url, String token)
            throws BuildHttp.BuildCallFailed {
        Matcher w = url == null ? null : WORKFLOW.matcher(url);
        if (w != null && w.find()) {
            return List.of(w.group(1));
        }
        Matcher n = label == null ? null : PIPELINE_NUMBER.matcher(label);
        if (n == null || !n.find()) {
            return List.of();
        }
        HttpResponse<String> pipeline = http.send(get(api + "/project/" + circle.project() + "/pipeline/" + n.group(1), token));
        Optional<String> id = Json.object(pipeline.body()).flatMap(j -> Json.text(j, "id"));
        if (pipeline.statusCode() != 200 || id.isEmpty()) {
            return List.of();
        }
        HttpResponse<String> list = http.send(get(api + "/pipeline/" + id.get() + "/workflow", token));
        List<String> failed = new ArrayList<>();
        JsonElement items = Json.object(list.body()).map(j -> j.get("items")).orElse(null);
        if (list.statusCode() == 200 && items != null && items.isJsonArray()) {
            for (JsonElement e : items.getAsJsonArray()) {
                if ("failed".equals(Json.text(e.getAsJsonObject(), "status").orElse(""))) {
                    Json.text(e.getAsJsonObject(), "id").ifPresent(failed::add);
                }
            }
        }
        return failed;
    }

    private static Optional<JsonObject> first(HttpResponse<String> answer, String array, String status) {
        JsonElement items = answer.statusCode() == 200 ? Json.object(answer.body()).map(j -> j.get(array)).orElse(null) : null;
        if (items == null || !items.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement e : items.getAsJsonArray()) {
            if (status.equals(Json.text(e.getAsJsonObject(), "status").orElse(""))) {
                return Optional.of(e.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    private static HttpRequest.Builder get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Circle-Token", token).header("Accept", "application/json").GET();
    }
}
