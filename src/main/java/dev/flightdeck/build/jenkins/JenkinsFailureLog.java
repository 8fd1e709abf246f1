package dev.flightdeck.build.jenkins;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.build.Json;
import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.team.BuildBackendConfig;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Why a Jenkins build failed: {@code GET <build>/consoleText} for the log, and for a Pipeline the failing stage from
 * {@code GET <build>/wfapi/describe} (the Pipeline Stage View plugin's REST API; a freestyle job answers 404 there,
 * and has no stage). API-token basic auth as the trigger uses, and only to the Jenkins the team file names: a build
 * URL on another host is not asked, so the token goes nowhere else.
 */
@Singleton
public class JenkinsFailureLog {

    private final BuildHttp http;
    private final EnvSecrets secrets;

    public JenkinsFailureLog(BuildHttp http, EnvSecrets secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    public BuildFailure read(BuildBackendConfig.Jenkins jenkins, String buildUrl) throws BuildHttp.BuildCallFailed {
        if (buildUrl == null || !buildUrl.contains("/job/")) {
            return new BuildFailure.Unreadable("Jenkins did not say which build it was", buildUrl);
        }
        if (!sameServer(jenkins.url(), buildUrl)) {
            return new BuildFailure.Unreadable("the build is not on the Jenkins in the team file (" + jenkins.url() + ")",
                    buildUrl);
        }
        Optional<String> token = secrets.get(jenkins.tokenEnv());
        if (token.isEmpty()) {
            return new BuildFailure.Unreadable("the Jenkins API token is not set (environment variable "
                    + jenkins.tokenEnv() + ")", buildUrl);
        }
        String build = buildUrl.endsWith("/") ? buildUrl : buildUrl + "/";
        String auth = "Basic " + Base64.getEncoder().encodeToString((jenkins.user() + ":" + token.get())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(build + "consoleText"))
                .header("Authorization", auth).GET());
        if (console.statusCode() != 200) {
            return new BuildFailure.Unreadable("Jenkins answered HTTP " + console.statusCode() + " for its consoleText",
                    buildUrl);
        }
        HttpResponse<String> stages = http.send(HttpRequest.newBuilder(URI.create(build + "wfapi/describe"))
                .header("Authorization", auth).GET());
        String stage = stages.statusCode() == 200 ? failedStage(stages.body()).orElse(null) : null;
        return new BuildFailure.Report(stage == null ? null : "stage " + stage, BuildFailure.tail(console.body()), buildUrl);
    }

    /** The first stage whose status is FAILED (later ones are NOT_EXECUTED), as wfapi/describe lists them. */
    static Optional<String> failedStage(String describe) {
        Optional<JsonObject> json = Json.object(describe);
        JsonElement stages = json.map(j -> j.get("stages")).orElse(null);
        if (stages == null || !stages.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement e : stages.getAsJsonArray()) {
            JsonObject stage = e.getAsJsonObject();
            if ("FAILED".equals(Json.text(stage, "status").orElse(""))) {
                return Json.text(stage, "name");
            }
        }
        return Optional.empty();
    }

    /** Same scheme, host and port: the base URL from the team file and the build's URL from Jenkins. */
    static boolean sameServer(String base, String build) {
        try {
            URI a = URI.create(base);
            URI b = URI.create(build);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
