package dev.flightdeck.build.circleci;

import com.google.gson.Gson;
import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.build.BuildParameters;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.build.Json;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.BuildTrigger;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * CircleCI pipeline API v2 with {@code Circle-Token} and pipeline parameters: {@code POST /project/<slug>/pipeline},
 * or with a {@code definition-id} in the team file {@code POST /project/<slug>/pipeline/run}.
 */
@Singleton
public class CircleCiBackend {

    private final BuildHttp http;
    private final EnvSecrets secrets;
    private final String api;

    public CircleCiBackend(BuildHttp http, EnvSecrets secrets,
                           @Value("${flightdeck.build.circleci.api-url:`https://circleci.com/api/v2`}") String api) {
        this.http = http;
        this.secrets = secrets;
        this.api = api.replaceAll("/+$", "");
    }

    public BuildTrigger trigger(BuildBackendConfig.CircleCi circle, BuildParameters params) throws BuildHttp.BuildCallFailed {
        Optional<String> token = secrets.get(circle.tokenEnv());
        if (token.isEmpty()) {
            return new BuildTrigger.Failed("the CircleCI token is not set (environment variable " + circle.tokenEnv() + ")");
        }
        // Orgs on the GitHub App or GitLab integration cannot use POST .../pipeline: they run a pipeline definition.
        boolean run = circle.definitionId() != null;
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        if (run) {
            fields.put("definition_id", circle.definitionId());
        }
        fields.put("parameters", params.lowerCase());
        // A branch deploy runs the pipeline on the branch: "branch" (v2 trigger), or config and checkout (pipeline/run).
        params.branch().ifPresent(b -> {
            if (run) {
                fields.put("config", Map.of("branch", b));
                fields.put("checkout", Map.of("branch", b));
            } else {
                fields.put("branch", b);
            }
        });
        String body = new Gson().toJson(fields);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(api + "/project/" + circle.project()
                        + (run ? "/pipeline/run" : "/pipeline")))
                .header("Circle-Token", token.get())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (created.statusCode() == 401 || created.statusCode() == 403) {
            return new BuildTrigger.Failed("CircleCI refused the token for " + circle.project() + " (HTTP " + created.statusCode() + ")");
        }
        if (created.statusCode() == 404) {
            return new BuildTrigger.Failed("CircleCI has no project " + circle.project());
        }
        if (created.statusCode() / 100 != 2) {
            return new BuildTrigger.Failed("CircleCI answered HTTP " + created.statusCode() + " for " + circle.project()
                    + Json.object(created.body()).flatMap(j -> Json.text(j, "message")).map(m -> ": " + m).orElse(""));
        }
        String number = Json.object(created.body()).flatMap(j -> Json.text(j, "number")).orElse("?");
        return new BuildTrigger.Started(circle.project() + " pipeline #" + number,
                "https://app.circleci.com/pipelines/" + circle.project() + "/" + number);
    }
}
