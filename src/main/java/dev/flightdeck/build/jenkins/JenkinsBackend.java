package dev.flightdeck.build.jenkins;

import com.google.gson.JsonObject;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.build.BuildParameters;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.build.Json;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.BuildTrigger;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Jenkins: a crumb from {@code /crumbIssuer/api/json} (with its session cookie), then
 * {@code POST /job/<job>/buildWithParameters} with API-token basic auth, then the queue item until it becomes a
 * build with a number and URL. A build still queued after the polls is reported as queued; its webhook gives the
 * number later.
 */
@Singleton
public class JenkinsBackend {

    static final int QUEUE_POLLS = 10;

    private final BuildHttp http;
    private final EnvSecrets secrets;

    public JenkinsBackend(BuildHttp http, EnvSecrets secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    public BuildTrigger trigger(BuildBackendConfig.Jenkins jenkins, BuildParameters params) throws BuildHttp.BuildCallFailed {
        Optional<String> token = secrets.get(jenkins.tokenEnv());
        if (token.isEmpty()) {
            return new BuildTrigger.Failed("the Jenkins API token is not set (environment variable " + jenkins.tokenEnv() + ")");
        }
        String base = jenkins.url().replaceAll("/+$", "");
        String auth = "Basic " + Base64.getEncoder().encodeToString((jenkins.user() + ":" + token.get())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + jobPath(jenkins.job())
                        + "/buildWithParameters?" + query(params)))
                .header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> crumb = http.send(HttpRequest.newBuilder(URI.create(base + "/crumbIssuer/api/json"))
                .header("Authorization", auth).GET());
        if (crumb.statusCode() == 200) {
            JsonObject c = Json.object(crumb.body()).orElse(new JsonObject());
            Json.text(c, "crumbRequestField").ifPresent(field -> post.header(field, Json.text(c, "crumb").orElse("")));
            // The crumb is bound to the web session that issued it.
            crumb.headers().allValues("Set-Cookie").stream().map(s -> s.split(";", 2)[0])
                    .reduce((a, b) -> a + "; " + b).ifPresent(cookie -> post.header("Cookie", cookie));
        } else if (crumb.statusCode() == 401 || crumb.statusCode() == 403) {
            return refused(jenkins, crumb.statusCode());
        }
        HttpResponse<String> queued = http.send(post);
        if (queued.statusCode() == 401 || queued.statusCode() == 403) {
            return refused(jenkins, queued.statusCode());
        }
        if (queued.statusCode() == 404) {
            return new BuildTrigger.Failed("Jenkins has no job " + jenkins.job() + " at " + base);
        }
        if (queued.statusCode() != 201 && queued.statusCode() != 200) {
            return new BuildTrigger.Failed("Jenkins answered HTTP " + queued.statusCode() + " to buildWithParameters for "
                    + jenkins.job());
        }
        Optional<String> queueItem = queued.headers().firstValue("Location");
        return queueItem.isPresent() ? follow(jenkins, queueItem.get(), auth)
                : new BuildTrigger.Started(jenkins.job() + " (queued)", base + jobPath(jenkins.job()) + "/");
    }

    private BuildTrigger follow(BuildBackendConfig.Jenkins jenkins, String queueItem, String auth) throws BuildHttp.BuildCallFailed {
        String api = queueItem.replaceAll("/+$", "") + "/api/json";
        for (int poll = 0; poll < QUEUE_POLLS; poll++) {
            HttpResponse<String> item = http.send(HttpRequest.newBuilder(URI.create(api)).header("Authorization", auth).GET());
            Optional<JsonObject> json = Json.object(item.body());
            if (item.statusCode() == 200 && json.isPresent()) {
                Optional<String> number = Json.text(json.get(), "executable.number");
                if (number.isPresent()) {
                    return new BuildTrigger.Started(jenkins.job() + " build #" + number.get(),
                            Json.text(json.get(), "executable.url").orElse(null));
                }
                if (json.get().has("cancelled") && json.get().get("cancelled").getAsBoolean()) {
                    return new BuildTrigger.Failed("Jenkins cancelled the queued build of " + jenkins.job());
                }
            }
            http.pause();
        }
        return new BuildTrigger.Started(jenkins.job() + " (queued)", queueItem);
    }

    private static BuildTrigger refused(BuildBackendConfig.Jenkins jenkins, int status) {
        return new BuildTrigger.Failed("Jenkins refused the API token of " + jenkins.user() + " (HTTP " + status + ")");
    }

    /** {@code folder/app} is {@code /job/folder/job/app} in Jenkins URLs. */
    static String jobPath(String job) {
        StringBuilder path = new StringBuilder();
        for (String part : job.split("/")) {
            path.append("/job/").append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    private static String query(BuildParameters params) {
        return params.upperCase().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
