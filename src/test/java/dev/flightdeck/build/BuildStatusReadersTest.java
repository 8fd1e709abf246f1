package dev.flightdeck.build;

import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.build.FakeBuildServer.Answer;
import dev.flightdeck.build.poll.BuildStatusReaders;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Polling reads each backend's status API into the same events webhooks give. */
class BuildStatusReadersTest {

    final FakeBuildServer api = new FakeBuildServer();
    final BuildStatusReaders readers = new BuildStatusReaders(new BuildHttp(Duration.ofSeconds(5), Duration.ZERO),
            new MapSecrets(Map.of("JENKINS_TOKEN", "t0k", "GITHUB_TOKEN", "ghp_x", "CIRCLE_TOKEN", "cc_x")), null, api.url(), api.url());

    @AfterEach
    void stop() {
        api.close();
    }

    static DeployRequest running(long id, String label, String url) {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        return DeployRequests.aProdRequest().id(id).of("commons").version("5.11.2").by("U1").in(DeployState.RUNNING)
                .requestedAt(t).movedBy("system:build", null).changedAt(t).startedAt(t).message("C1", "1.1")
                .build(label, url).build();
    }

    @Test
    void jenkinsIsReadFromTheBuildsApiOnceItStopsBuilding() throws Exception {
        AtomicReference<String> state = new AtomicReference<>("{\"building\":true,\"result\":null,\"number\":196}");
        api.on("GET /job/commons-prod-server/196/api/json", r -> r.header("Authorization") == null
                ? Answer.of(401, "") : Answer.of(200, state.get()));
        var jenkins = new BuildBackendConfig.Jenkins(api.url(), "commons-prod-server", "deploy-bot", "JENKINS_TOKEN");
        var r = running(42, "commons-prod-server build #196", api.url() + "/job/commons-prod-server/196/");

        assertThat(readers.read(r, jenkins)).isEmpty();
        state.set("{\"building\":false,\"result\":\"FAILURE\",\"number\":196}");
        Optional<BuildEvent> done = readers.read(r, jenkins);
        assertThat(done).map(BuildEvent::phase).contains(BuildPhase.FAILED);
        assertThat(done).flatMap(BuildEvent::deployId).contains(42L);
    }

    @Test
    void githubRunsAreReadByTheRunIdInTheirUrl() throws Exception {
        api.on("GET /repos/acme/web/actions/runs/9002", r -> Answer.of(200,
                "{\"id\":9002,\"status\":\"completed\",\"conclusion\":\"cancelled\",\"run_number\":56}"));
        var gha = new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main", "GITHUB_TOKEN");
        var r = running(43, "deploy.yml run #56", "https://github.com/acme/web/actions/runs/9002");
        assertThat(readers.read(r, gha)).map(BuildEvent::phase).contains(BuildPhase.ABORTED);
        assertThat(api.received().get(0).header("Authorization")).isEqualTo("Bearer ghp_x");
    }

    @Test
    void circleciPipelinesFinishWhenEveryWorkflowHas() throws Exception {
        AtomicReference<String> workflows = new AtomicReference<>("{\"items\":[{\"status\":\"success\"},{\"status\":\"running\"}]}");
        api.on("GET /project/gh/acme/billing/pipeline/318", r -> Answer.of(200, "{\"id\":\"5034460f\",\"number\":318}"));
        api.on("GET /pipeline/5034460f/workflow", r -> Answer.of(200, workflows.get()));
        var circle = new BuildBackendConfig.CircleCi("gh/acme/billing", "CIRCLE_TOKEN");
        var r = running(44, "gh/acme/billing pipeline #318", "https://app.circleci.com/pipelines/gh/acme/billing/318");

        assertThat(readers.read(r, circle)).isEmpty();
        workflows.set("{\"items\":[{\"status\":\"success\"},{\"status\":\"success\"}]}");
        assertThat(readers.read(r, circle)).map(BuildEvent::phase).contains(BuildPhase.SUCCEEDED);
        workflows.set("{\"items\":[{\"status\":\"canceled\"},{\"status\":\"failed\"}]}");
        assertThat(readers.read(r, circle)).map(BuildEvent::phase).contains(BuildPhase.FAILED);
    }
}
