package dev.flightdeck.slots;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.build.BuildBackends;
import dev.flightdeck.build.FakeBuildServer.Answer;
import dev.flightdeck.build.circleci.CircleCiBackend;
import dev.flightdeck.build.codebuild.CodeBuildBackend;
import dev.flightdeck.build.codebuild.CodeBuildClients;
import dev.flightdeck.build.github.GithubActionsBackend;
import dev.flightdeck.build.jenkins.JenkinsBackend;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploys to shared slots through signed requests: a deploy to a slot someone else holds is blocked naming the holder
 * (who may let it through by Override), the holder's own deploy passes, and a branch deployed to a slot reaches the
 * build backend as the branch (CodeBuild on moto: sourceVersion; CircleCI on its loopback fake: branch).
 */
class SlotDeploysTest {

    private static final AtomicInteger BRANCHES = new AtomicInteger();

    final SlotsApp app = SlotsApp.shared();
    final DeployDriver d = app.driver;

    @AfterEach
    void freeEverything() {
        SlotTestSupport.freeAll(app);
    }

    @Test
    void aDeployToASlotSomeoneElseHoldsIsBlockedNamingTheHolderWhoMayLetItThrough() {
        assertThat(say("claim dev2 -- feature/emails", REQUESTER)).contains("holds *DEV2*");
        String v = DeployDriver.newVersion();

        var p = d.request("commons", v, "dev2", RUNNER, "");

        assertThat(d.slack.awaitResponse(p.responseUrl(), DeployDriver.WAIT).rawBody()).contains("blocked by *slot*");
        assertThat(d.message(p).allText()).contains("*slot*: DEV2 is held by <@" + REQUESTER + "> until ",
                "(feature/emails); the holder can let this deploy through with Override");
        assertThat(d.backend().triggersOf(p.id())).isZero();

        d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only approvers for DEV2");
        d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, REQUESTER);
        d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_OVERRIDE_MODAL)
                && c.param("view").contains(v), DeployDriver.WAIT);
        d.signed().viewSubmission(DeploySlackIds.DEPLOY_OVERRIDE_MODAL, p.id() + ":" + p.channel(),
                Map.of(DeploySlackIds.DEPLOY_REASON, Map.of(DeploySlackIds.DEPLOY_REASON, "done testing, go ahead")),
                REQUESTER).send(d.uri());

        d.awaitThreadReply(p, "<@" + REQUESTER + "> overrode *slot*");
        d.awaitState(p.id(), DeployState.RUNNING);
        d.finishInFlight();

        String mine = DeployDriver.newVersion();
        var own = d.request("commons", mine, "dev2", REQUESTER, "");
        assertThat(d.message(own).allText()).contains("*slot*: the requester holds DEV2 until ");
        d.awaitState(own.id(), DeployState.RUNNING);
    }

    @Test
    void aBranchDeployedToASlotIsTheBranchCodeBuildAndCircleCiBuild() {
        assertThat(say("claim dev1", REQUESTER)).contains("holds *DEV1*");
        BuildBackends real = new BuildBackends(app.bean(JenkinsBackend.class), app.bean(CircleCiBackend.class),
                app.bean(GithubActionsBackend.class), app.bean(CodeBuildBackend.class), app.bean(TeamConfig.class));
        CodeBuildClients aws = app.bean(CodeBuildClients.class);
        if (aws.get().batchGetProjects(b -> b.names("reports-dev1")).projects().isEmpty()) {
            aws.get().createProject(p -> p.name("reports-dev1")
                    .source(s -> s.type(SourceType.GITHUB).location("https://github.com/acme/reports"))
                    .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                    .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
                            .computeType(ComputeType.BUILD_GENERAL1_SMALL))
                    .serviceRole("arn:aws:iam::123456789012:role/codebuild"));
        }

        String branch = "feature/emails-" + BRANCHES.incrementAndGet();
        d.backend().startVersionThrough(branch, real);
        var p = d.request("reports", branch, "dev1", REQUESTER, "");
        DeployRequest running = d.awaitState(p.id(), DeployState.RUNNING);
        String buildId = URLDecoder.decode(running.buildUrl().substring(running.buildUrl().lastIndexOf("/build/") + 7),
                StandardCharsets.UTF_8);
        Build build = aws.get().batchGetBuilds(b -> b.ids(buildId)).builds().get(0);
        assertThat(build.projectName()).isEqualTo("reports-dev1");
        assertThat(build.sourceVersion()).isEqualTo(branch);

        String token = TestSecretsFactory.VALUES.get("CIRCLE_TOKEN");
        app.ci.on("POST /project/gh/acme/billing/pipeline", r -> !token.equals(r.header("Circle-Token"))
                ? Answer.of(401, "{\"message\":\"Invalid token provided.\"}")
                : Answer.of(201, "{\"id\":\"5034460f-c7c4-4c43-9457-de07e2029e7b\",\"state\":\"created\",\"number\":"
                + (40 + BRANCHES.get()) + ",\"created_at\":\"2026-12-07T10:00:00.000Z\"}"));
        String other = "fix/login-" + BRANCHES.incrementAndGet();
        d.backend().startVersionThrough(other, real);
        var circle = d.request("billing", other, "dev1", REQUESTER, "");
        assertThat(d.awaitState(circle.id(), DeployState.RUNNING).buildLabel()).startsWith("gh/acme/billing pipeline #");
        JsonObject body = JsonParser.parseString(app.ci.received("POST", "/project/gh/acme/billing/pipeline").stream()
                .reduce((a, b) -> b).orElseThrow().body()).getAsJsonObject();
        assertThat(body.get("branch").getAsString()).isEqualTo(other);
        assertThat(body.getAsJsonObject("parameters").get("version").getAsString()).isEqualTo(other);
        assertThat(body.getAsJsonObject("parameters").has("branch")).isFalse();
    }

    @Test
    void aBranchIsRefusedWhereTheEnvironmentTakesReleaseVersions() {
        String answer = say("commons feature/emails to staging", REQUESTER);
        assertThat(answer).contains("`feature/emails` looks like a branch, and STAGING deploys release versions",
                "Branches deploy to dev, dev1, dev2, sandbox, sandbox1 (`versions: branches`)");
        assertThat(d.repository().history("commons", java.util.Optional.of("staging"), 50))
                .noneMatch(r -> r.version().equals("feature/emails"));
    }

    private String say(String text, String user) {
        return d.command(text, user, d.slack.responseUrl()).json().getAsJsonObject().get("text").getAsString();
    }
}
