package dev.flightdeck.build;

import dev.flightdeck.build.FakeBuildServer.Answer;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static dev.flightdeck.build.CiApp.vendor;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CircleCI pipeline has several workflows and CircleCI sends one workflow-completed per workflow: the deploy is
 * decided from all of them, read from CircleCI's API (a loopback fake that checks the token and paths).
 */
class CircleCiPipelineTest {

    static final String PIPELINE_ID = "1285fe1d-d3a6-44fc-8886-8979558254c4";
    final CiApp app = CiApp.shared();
    final DeployDriver d = app.driver;

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void aGreenFirstWorkflowDoesNotDecideTheDeployWhileAnotherStillRuns() {
        AtomicReference<String> deployStatus = new AtomicReference<>("running");
        String token = TestSecretsFactory.VALUES.get("CIRCLE_TOKEN");
        app.ci.on("GET /project/gh/circleci/webhook-service/pipeline/130", r -> token.equals(r.header("Circle-Token"))
                ? Answer.of(200, "{\"id\":\"" + PIPELINE_ID + "\",\"number\":130,\"state\":\"created\"}")
                : Answer.of(401, "{\"message\":\"Invalid token provided.\"}"));
        app.ci.on("GET /pipeline/" + PIPELINE_ID + "/workflow", r -> Answer.of(200, """
                {"items":[{"id":"fda08377-fe7e-46b1-8992-3a7aaecac9c3","name":"build-test-deploy","status":"success"},
                          {"id":"0b4f1f4e-6c3a-4d6b-9f1d-2a0c8e5e7d11","name":"deploy","status":"%s"}],
                 "next_page_token":null}""".formatted(deployStatus.get())));
        String version = DeployDriver.newVersion();
        d.backend().startVersionAs(version, "gh/circleci/webhook-service pipeline #130",
                "https://app.circleci.com/pipelines/gh/circleci/webhook-service/130");
        var p = d.request("webhook-service", version, "dev", REQUESTER, "");
        d.awaitState(p.id(), DeployState.RUNNING);

        // CircleCI's sample: workflow build-test-deploy of pipeline 130 succeeded (slug spelled github/…).
        var first = app.circleci(vendor("circleci/workflow-completed.json"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("deploy #" + p.id()
                + " unchanged: waiting for the other workflows of gh/circleci/webhook-service pipeline #130");
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.RUNNING);

        deployStatus.set("success");
        var last = app.circleci(vendor("circleci/workflow-completed.json")
                .replace("\"name\": \"build-test-deploy\"", "\"name\": \"deploy\"")
                .replace("fda08377-fe7e-46b1-8992-3a7aaecac9c3", "0b4f1f4e-6c3a-4d6b-9f1d-2a0c8e5e7d11"));

        assertThat(last.body()).isEqualTo("deploy #" + p.id() + " updated");
        d.awaitState(p.id(), DeployState.SUCCEEDED);
        // The final notice names who ran it, as the start notice did: the team reads who owns the result.
        d.awaitThreadReply(p, "DEV: Job gh/circleci/webhook-service pipeline #130 succeeded by <@" + REQUESTER + ">.");
    }
}
