package dev.flightdeck.build.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.build.Json;
import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.RepoRef;
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
 * Why a GitHub Actions run failed: the run's jobs ({@code GET /repos/{repo}/actions/runs/{id}/jobs}), the first with
 * conclusion {@code failure} and its failed step, then that job's log ({@code GET /actions/jobs/{id}/logs}), which
 * GitHub answers with a 302 to a short-lived signed URL on another host: followed once, without the token.
 */
@Singleton
public class ActionsFailureLog {

    private static final Pattern RUN_ID = Pattern.compile("/actions/runs/([0-9]+)");
    /** Each line of a job log starts with its time, {@code 2026-12-07T03:12:45.1234567Z }. */
    private static final Pattern STAMP = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z ");

    private final GithubApi api;
    private final BuildHttp http;

    public ActionsFailureLog(GithubApi api, BuildHttp http) {
        this.api = api;
        this.http = http;
    }

    public BuildFailure read(BuildBackendConfig.GithubActions gha, String runUrl) throws BuildHttp.BuildCallFailed {
        Matcher run = runUrl == null ? null : RUN_ID.matcher(runUrl);
        if (run == null || !run.find()) {
            return new BuildFailure.Unreadable("GitHub did not say which run it was", runUrl);
        }
        RepoRef repo = new RepoRef(gha.repo(), gha.tokenEnv());
        try {
            HttpResponse<String> jobs = api.get(repo, "actions/runs/" + run.group(1) + "/jobs?filter=latest&per_page=100");
            Optional<JsonObject> failed = failedJob(jobs.body());
            if (failed.isEmpty()) {
                return new BuildFailure.Unreadable("no job of run " + run.group(1) + " failed", runUrl);
            }
            JsonObject job = failed.get();
            String link = Json.text(job, "html_url").orElse(runUrl);
            String step = "job " + Json.text(job, "name").orElse("?") + failedStep(job).map(s -> ", step " + s).orElse("");
            HttpResponse<String> logs = api.get(repo, "actions/jobs/" + Json.text(job, "id").orElse("0") + "/logs");
            String text = logs.body();
            if (logs.statusCode() / 100 == 3) {
                Optional<String> signed = logs.headers().firstValue("Location");
                if (signed.isEmpty()) {
                    return new BuildFailure.Unreadable("GitHub redirected the job's log to nowhere", link);
                }
                // A pre-signed URL: it carries its own authorisation, and the token must not travel to its host.
                HttpResponse<String> log = http.send(HttpRequest.newBuilder(URI.create(signed.get())).GET());
                if (log.statusCode() != 200) {
                    return new BuildFailure.Unreadable("the job's log answered HTTP " + log.statusCode(), link);
                }
                text = log.body();
            }
            return new BuildFailure.Report(step, BuildFailure.tail(untilError(text)), link);
        } catch (GithubApi.GithubFailure e) {
            return new BuildFailure.Unreadable(e.getMessage(), runUrl);
        }
    }

    static Optional<JsonObject> failedJob(String body) {
        JsonElement jobs = Json.object(body).map(j -> j.get("jobs")).orElse(null);
        if (jobs == null || !jobs.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement e : jobs.getAsJsonArray()) {
            if ("failure".equals(Json.text(e.getAsJsonObject(), "conclusion").orElse(""))) {
                return Optional.of(e.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    static Optional<String> failedStep(JsonObject job) {
        JsonElement steps = job.get("steps");
        if (steps == null || !steps.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement e : steps.getAsJsonArray()) {
            if ("failure".equals(Json.text(e.getAsJsonObject(), "conclusion").orElse(""))) {
                return Json.text(e.getAsJsonObject(), "name");
            }
        }
        return Optional.empty();
    }

    /**
     * The log without its timestamps, ending at its last {@code ##[error]} line: after the failed step a job still
     * runs its post-job cleanup, whose lines would push the failure out of the quote.
     */
    static String untilError(String log) {
        List<String> lines = new ArrayList<>();
        int lastError = -1;
        for (String line : log.replace("\r\n", "\n").split("\n")) {
            String bare = STAMP.matcher(line).replaceFirst("");
            if (bare.startsWith("##[error]")) {
                lastError = lines.size();
            }
            lines.add(bare);
        }
        return String.join("\n", lastError < 0 ? lines : lines.subList(0, lastError + 1));
    }
}
