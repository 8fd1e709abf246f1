package dev.flightdeck.build;

import dev.flightdeck.build.circleci.CircleFailureLog;
import dev.flightdeck.build.github.ActionsFailureLog;
import dev.flightdeck.build.github.GithubApi;
import dev.flightdeck.build.jenkins.JenkinsFailureLog;
import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each backend's reader of a failed build against its loopback fake: the step named, the log's last lines, auth. */
class FailureLogReadersTest {

    final FakeBuildServer ci = new FakeBuildServer();
    final FakeGitHub github = new FakeGitHub(ci);
    final BuildHttp http = new BuildHttp(Duration.ofSeconds(5), Duration.ZERO);
    final MapSecrets secrets = new MapSecrets(TestSecretsFactory.VALUES);
    final BuildBackendConfig.Jenkins jenkins = new BuildBackendConfig.Jenkins(ci.url(), "hello-prod", "deploy-bot", "JENKINS_TOKEN");

    @AfterEach
    void stop() {
        ci.close();
    }

    static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void jenkinsPipelineNamesItsFailedStageAndQuotesTheLastThirtyLines() throws Exception {
        FakeBuildLogs.jenkins(ci, "hello-prod", 41, lines(1, 80), List.of(new String[]{"Build", "SUCCESS"},
                new String[]{"Deploy", "FAILED"}, new String[]{"Smoke", "NOT_EXECUTED"}));

        BuildFailure read = new JenkinsFailureLog(http, secrets).read(jenkins, ci.url() + "/job/hello-prod/41/");

        assertThat(read).isInstanceOf(BuildFailure.Report.class);
        BuildFailure.Report report = (BuildFailure.Report) read;
        assertThat(report.step()).isEqualTo("stage Deploy");
        assertThat(report.lines()).hasSize(30).startsWith("line 51").endsWith("line 80");
        assertThat(report.link()).isEqualTo(ci.url() + "/job/hello-prod/41/");
        assertThat(ci.received("GET", "/job/hello-prod/41/")).allSatisfy(r ->
                assertThat(r.header("Authorization")).isEqualTo(FakeBuildLogs.JENKINS_AUTH));
    }

    @Test
    void aFreestyleJobHasNoStageAWrongTokenIsSaidAndAnotherHostIsNotAsked() throws Exception {
        FakeBuildLogs.jenkins(ci, "hello-prod", 42, "Started by user admin\nBuild step 'Execute shell' marked build as failure\n", null);
        JenkinsFailureLog reader = new JenkinsFailureLog(http, secrets);

        BuildFailure.Report freestyle = (BuildFailure.Report) reader.read(jenkins, ci.url() + "/job/hello-prod/42/");
        assertThat(freestyle.step()).isNull();
        assertThat(freestyle.lines()).containsExactly("Started by user admin", "Build step 'Execute shell' marked build as failure");

        BuildFailure refused = new JenkinsFailureLog(http, new MapSecrets(java.util.Map.of("JENKINS_TOKEN", "wrong")))
                .read(jenkins, ci.url() + "/job/hello-prod/42/");
        assertThat(refused).isEqualTo(new BuildFailure.Unreadable("Jenkins answered HTTP 401 for its consoleText",
                ci.url() + "/job/hello-prod/42/"));

        int before = ci.received().size();
        BuildFailure elsewhere = reader.read(jenkins, "http://127.0.0.2:9/job/hello-prod/42/");
        assertThat(elsewhere).isInstanceOf(BuildFailure.Unreadable.class);
        assertThat(((BuildFailure.Unreadable) elsewhere).reason()).isEqualTo("the build is not on the Jenkins in the team file ("
                + ci.url() + ")");
        assertThat(ci.received()).hasSize(before);
    }

    @Test
    void githubActionsNamesTheFailedJobAndStepAndFollowsTheLogRedirectWithoutTheToken() throws Exception {
        String log = """
                2026-12-07T03:10:01.0000000Z ##[group]Run npm test
                2026-12-07T03:10:01.1000000Z npm test
                2026-12-07T03:10:05.0000000Z   1 failing
                2026-12-07T03:10:05.1000000Z AssertionError: expected 200, got 500
                2026-12-07T03:10:05.2000000Z ##[error]Process completed with exit code 1.
                2026-12-07T03:10:06.0000000Z Post job cleanup.
                2026-12-07T03:10:06.1000000Z Cleaning up orphan processes
                """;
        github.run("acme/web", 7001, new FakeGitHub.ActionsJob(90001, "lint", "success", List.<String[]>of(), "ok"),
                new FakeGitHub.ActionsJob(90002, "test", "failure", List.of(new String[]{"Set up job", "success"},
                        new String[]{"Run npm test", "failure"}, new String[]{"Post job cleanup", "success"}), log));
        ActionsFailureLog reader = new ActionsFailureLog(new GithubApi(http, secrets, ci.url(), ""), http);

        BuildFailure read = reader.read(new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main", "GITHUB_TOKEN"),
                "https://github.com/acme/web/actions/runs/7001");

        assertThat(read).isEqualTo(new BuildFailure.Report("job test, step Run npm test", List.of("##[group]Run npm test",
                "npm test", "  1 failing", "AssertionError: expected 200, got 500", "##[error]Process completed with exit code 1."),
                "https://github.com/acme/web/actions/runs/7001/job/90002"));
        assertThat(ci.received("GET", "/repos/acme/web/actions/jobs/90002/logs").get(0).header("Authorization"))
                .isEqualTo("Bearer " + FakeGitHub.TOKEN);
        assertThat(ci.received("GET", FakeGitHub.SIGNED_LOGS)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void githubActionsWithoutAFailedJobOrRunSaysSo() throws Exception {
        github.run("acme/web", 7002, new FakeGitHub.ActionsJob(90003, "test", "cancelled", List.<String[]>of(), ""));
        ActionsFailureLog reader = new ActionsFailureLog(new GithubApi(http, secrets, ci.url(), ""), http);
        var gha = new BuildBackendConfig.GithubActions("acme/web", "deploy.yml", "main", "GITHUB_TOKEN");

        assertThat(reader.read(gha, "https://github.com/acme/web/actions/runs/7002"))
                .isEqualTo(new BuildFailure.Unreadable("no job of run 7002 failed", "https://github.com/acme/web/actions/runs/7002"));
        assertThat(((BuildFailure.Unreadable) reader.read(gha, "https://github.com/acme/web/actions/runs/7999")).reason())
                .contains("HTTP 404");
    }

    @Test
    void circleciNamesTheFailedJobAndStepAndFetchesItsOutputWithoutTheToken() throws Exception {
        String workflow = "6f1c2b7a-0d3e-4c5f-9a8b-7c6d5e4f3a2b";
        FakeBuildLogs.circleci(ci, "acme", "billing", workflow, "test", 812, "Run tests",
                "#!/bin/bash -eo pipefail\nnpm test\n\nTests: 1 failed, 41 passed\nExited with code exit status 1\n");
        CircleFailureLog reader = new CircleFailureLog(http, secrets, ci.url(), ci.url() + "/api/v1.1");

        BuildFailure read = reader.read(new BuildBackendConfig.CircleCi("gh/acme/billing", "CIRCLE_TOKEN"),
                "gh/acme/billing pipeline #130", "https://app.circleci.com/pipelines/github/acme/billing/130/workflows/" + workflow);

        assertThat(read).isEqualTo(new BuildFailure.Report("job test, step Run tests", List.of("#!/bin/bash -eo pipefail",
                "npm test", "", "Tests: 1 failed, 41 passed", "Exited with code exit status 1"),
                "https://app.circleci.com/pipelines/gh/acme/billing/jobs/812"));
        assertThat(ci.received("GET", FakeBuildLogs.CIRCLE_OUTPUT)).singleElement()
                .satisfies(r -> assertThat(r.header("Circle-Token")).isNull());
    }

    @Test
    void aGitlabOrGithubAppCircleciProjectHasNoStepOutputApi() throws Exception {
        BuildFailure read = new CircleFailureLog(http, secrets, ci.url(), ci.url() + "/api/v1.1").read(
                new BuildBackendConfig.CircleCi("circleci/DdaVtNusHqi24D4YT3X4eu/6EkDPZoN4ZdMKKZtBkRodt", "CIRCLE_TOKEN"),
                "x pipeline #1", null);

        assertThat(read).isInstanceOf(BuildFailure.Unreadable.class);
        assertThat(ci.received()).isEmpty();
    }
}
