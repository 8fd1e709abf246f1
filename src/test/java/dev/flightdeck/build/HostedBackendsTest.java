package dev.flightdeck.build;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.build.FakeBuildServer.Answer;
import dev.flightdeck.build.circleci.CircleCiBackend;
import dev.flightdeck.build.github.GithubActionsBackend;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.BuildTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CircleCI and GitHub Actions against fakes that check the real APIs' paths, auth headers and bodies. */
class HostedBackendsTest {

    final FakeBuildServer api = new FakeBuildServer();
    final BuildHttp http = new BuildHttp(Duration.ofSeconds(5), Duration.ZERO);
    final MapSecrets secrets = new MapSecrets(Map.of("CIRCLE_TOKEN", "circle-token-1234", "GITHUB_TOKEN", "ghp_fakeGithubToken0000"));
    final BuildParameters params = new BuildParameters("web", "prod", "2.4.0", "U0MICHAEL1", 77);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void circleciCreatesAPipelineWithTheParameters() throws Exception {
        api.on("POST /project/gh/acme/billing/pipeline", r -> "circle-token-1234".equals(r.header("Circle-Token"))
                ? Answer.of(201, "{\"number\":318,\"state\":\"created\",\"id\":\"5034460f-c7c4-4c43-9457-de07e2029e7b\",\"created_at\":\"2026-11-24T10:00:00Z\"}")
                : Answer.of(401, "{\"message\":\"Invalid token provided.\"}"));
        var circle = new CircleCiBackend(http, secrets, api.url());

        BuildTrigger result = circle.trigger(new BuildBackendConfig.CircleCi("gh/acme/billing", "CIRCLE_TOKEN"), params);

        assertThat(result).isEqualTo(new BuildTrigger.Started("gh/acme/billing pipeline #318",
                "https://app.circleci.com/pipelines/gh/acme/billing/318"));
        JsonObject body = JsonParser.parseString(api.received().get(0).body()).getAsJsonObject();
        assertThat(body.getAsJsonObject("parameters").get("deploy_id").getAsString()).isEqualTo("77");
        assertThat(body.getAsJsonObject("parameters").get("environment").getAsString()).isEqualTo("prod");
        assertThat(api.received().get(0).header("Content-Type")).isEqualTo("application/json");

        var wrong = new CircleCiBackend(http, new MapSecrets(Map.of("CIRCLE_TOKEN", "nope")), api.url())
                .trigger(new BuildBackendConfig.CircleCi("gh/acme/billing", "CIRCLE_TOKEN"), params);
        assertThat(((BuildTrigger.Failed) wrong).reason()).contains("CircleCI refused the token", "401").doesNotContain("nope");
    }

    @Test
    void circleciRunsThePipelineDefinitionForOrgsThatCannotUseTheOldTrigger() throws Exception {
        String slug = "circleci/DdaVtNusHqi24D4YT3X4eu/6EkDPZoN4ZdMKKZtBkRodt";
        api.on("POST /project/" + slug + "/pipeline/run", r -> "circle-token-1234".equals(r.header("Circle-Token"))
                ? Answer.of(201, "{\"id\":\"37c74cb7-d64d-4032-8731-1cb95bfef921\",\"state\":\"created\",\"number\":12,"
                + "\"created_at\":\"2026-11-24T10:00:00Z\"}")
                : Answer.of(401, "{\"message\":\"Invalid token provided.\"}"));
        // The old trigger answers as CircleCI does for a GitLab or GitHub App project.
        api.on("POST /project/" + slug + "/pipeline", r -> Answer.of(400,
                "{\"message\":\"Triggering a pipeline is not supported for this project.\"}"));
        var circle = new CircleCiBackend(http, secrets, api.url());

        BuildTrigger result = circle.trigger(new BuildBackendConfig.CircleCi(slug, "CIRCLE_TOKEN",
                "2f7b6e3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b"), params);

        assertThat(result).isEqualTo(new BuildTrigger.Started(slug + " pipeline #12",
                "https://app.circleci.com/pipelines/" + slug + "/12"));
        assertThat(api.received("POST", "/project/" + slug + "/pipeline/run")).hasSize(1);
        JsonObject body = JsonParser.parseString(api.received().get(0).body()).getAsJsonObject();
        assertThat(body.get("definition_id").getAsString()).isEqualTo("2f7b6e3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(body.getAsJsonObject("parameters").get("deploy_id").getAsString()).isEqualTo("77");
    }

    @Test
    void githubDispatchesTheWorkflowAndFindsTheRunByItsTitle() throws Exception {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        api.on("POST /repos/acme/web/actions/workflows/deploy.yml/dispatches", r ->
                "Bearer ghp_fakeGithubToken0000".equals(r.header("Authorization"))
                        && "application/vnd.github+json".equals(r.header("Accept"))
                        ? Answer.of(204, "") : Answer.of(401, "{\"message\":\"Bad credentials\"}"));
        api.on("GET /repos/acme/web/actions/workflows/deploy.yml/runs", r -> Answer.of(200, """
                {"total_count":2,"workflow_runs":[
                  {"id":9001,"run_number":55,"display_title":"Deploy web 2.3.9 to staging (flightdeck #76)",
                   "html_url":"https://github.com/acme/web/actions/runs/9001","created_at":"2026-11-24T10:00:02Z"},
                  {"id":9002,"run_number":56,"display_title":"Deploy web 2.4.0 to prod (flightdeck #77)",
                   "html_url":"https://github.com/acme/web/actions/runs/9002","created_at":"2026-11-24T10:00:03Z"}]}"""));
        var github = new GithubActionsBackend(http, secrets, Clock.fixed(now, ZoneOffset.UTC), api.url());

        BuildTrigger result = github.trigger(new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main", "GITHUB_TOKEN"), params);

        assertThat(result).isEqualTo(new BuildTrigger.Started("deploy.yml run #56", "https://github.com/acme/web/actions/runs/9002"));
        JsonObject body = JsonParser.parseString(api.received("POST", "/repos/").get(0).body()).getAsJsonObject();
        assertThat(body.get("ref").getAsString()).isEqualTo("main");
        assertThat(body.getAsJsonObject("inputs").get("version").getAsString()).isEqualTo("2.4.0");
        assertThat(api.received("GET", "/repos/").get(0).query()).contains("event=workflow_dispatch", "branch=main");
    }

    @Test
    void githubSaysWhyADispatchWasRefused() throws Exception {
        api.on("POST /repos/acme/web/actions/workflows/deploy.yml/dispatches",
                r -> Answer.of(422, "{\"message\":\"Unexpected inputs provided: [\\\"requester\\\"]\"}"));
        var github = new GithubActionsBackend(http, secrets, Clock.systemUTC(), api.url());
        var result = github.trigger(new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main", "GITHUB_TOKEN"), params);
        assertThat(((BuildTrigger.Failed) result).reason()).contains("Unexpected inputs provided");
    }

    @Test
    void aBranchDeployDispatchesTheWorkflowOnTheBranchAndLooksForItsRunThere() throws Exception {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        api.on("POST /repos/acme/web/actions/workflows/deploy.yml/dispatches", r ->
                "Bearer ghp_fakeGithubToken0000".equals(r.header("Authorization")) ? Answer.of(204, "")
                        : Answer.of(401, "{\"message\":\"Bad credentials\"}"));
        api.on("GET /repos/acme/web/actions/workflows/deploy.yml/runs", r -> Answer.of(200, """
                {"total_count":1,"workflow_runs":[
                  {"id":9003,"run_number":57,"display_title":"Deploy web feature/emails to dev2 (flightdeck #78)",
                   "html_url":"https://github.com/acme/web/actions/runs/9003","created_at":"2026-11-24T10:00:02Z"}]}"""));
        var github = new GithubActionsBackend(http, secrets, Clock.fixed(now, ZoneOffset.UTC), api.url());
        var branch = new BuildParameters("web", "dev2", "feature/emails", "U0MICHAEL1", 78,
                java.util.Optional.of("feature/emails"));

        BuildTrigger result = github.trigger(new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main",
                "GITHUB_TOKEN"), branch);

        assertThat(result).isEqualTo(new BuildTrigger.Started("deploy.yml run #57", "https://github.com/acme/web/actions/runs/9003"));
        JsonObject body = JsonParser.parseString(api.received("POST", "/repos/").get(0).body()).getAsJsonObject();
        assertThat(body.get("ref").getAsString()).isEqualTo("feature/emails");
        assertThat(body.getAsJsonObject("inputs").keySet()).containsExactly("service", "environment", "version",
                "requester", "deploy_id");
        assertThat(api.received("GET", "/repos/").get(0).query()).contains("branch=feature%2Femails");
    }
}
