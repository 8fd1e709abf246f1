package dev.flightdeck.build;

import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MotoServer;
import dev.flightdeck.testing.TestAws;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flightdeck.build.CiApp.vendor;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed build explains itself, end to end through the real webhook edge and the loopback fakes: the deploy's
 * thread (Jenkins) and the failing-main notice (GitHub Actions, CircleCI, from the vendors' own sample payloads)
 * name the failing stage, job or step and quote the log's last lines, with the service's secret (an SSM
 * SecureString in moto) and token-shaped strings masked.
 */
class FailedBuildsExplainTest {

    static final AtomicInteger NUMBER = new AtomicInteger(4100);
    /** beacon's SecureString in every environment (teamconfig/releases.yml: ssm-path /beacon/{env}/). */
    static final String PLANTED = "pl4nted-db-pa55word-" + UUID.randomUUID().toString().substring(0, 8);
    static final String GHP = "ghp_" + "R3alLook1ngTokenThatLeaked0123456789ab";
    static final String AKIA = "AKIA" + "Z7EXAMPLEKEY0001";

    final CiApp app = CiApp.shared();
    final DeployDriver d = app.driver;
    final Duration wait = Duration.ofSeconds(30);

    @BeforeAll
    static void plantTheSecret() {
        MotoServer m = TestAws.moto();
        try (var http = UrlConnectionHttpClient.create();
             SsmClient ssm = SsmClient.builder().region(m.region()).endpointOverride(m.endpoint())
                     .credentialsProvider(m.credentials()).httpClient(http).build()) {
            for (String env : List.of("dev", "staging", "prod")) {
                ssm.putParameter(r -> r.name("/beacon/" + env + "/DB_PASSWORD").type(ParameterType.SECURE_STRING)
                        .value(PLANTED).overwrite(true));
            }
        }
    }

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void aFailedJenkinsDeployQuotesItsFailingStageInTheThreadWithTheSecretAndTokenMasked() throws Exception {
        int number = NUMBER.incrementAndGet();
        String url = app.ci.url() + "/job/beacon-dev/" + number + "/";
        StringBuilder console = new StringBuilder("Started by user deploy-bot\n");
        for (int i = 1; i <= 40; i++) {
            console.append("[Pipeline] sh (step ").append(i).append(")\n");
        }
        console.append("+ psql postgres://app:").append(PLANTED).append("@db/app -c 'select 1'\n")
                .append("+ curl -H 'Authorization: token ").append(GHP).append("' https://api.github.com/user\n")
                .append("<!channel> ``` <@U0ADMIN>\n")
                .append("ERROR: script returned exit code 2\n")
                .append("Finished: FAILURE\n");
        FakeBuildLogs.jenkins(app.ci, "beacon-dev", number, console.toString(), List.of(new String[]{"Checkout", "SUCCESS"},
                new String[]{"Migrate", "FAILED"}, new String[]{"Deploy", "NOT_EXECUTED"}));
        String version = DeployDriver.newVersion();
        d.backend().startVersionAs(version, "beacon-dev build #" + number, url);
        var p = d.request("beacon", version, "dev", REQUESTER, "");
        d.awaitState(p.id(), DeployState.RUNNING);

        var delivered = app.jenkins("""
                {"name":"beacon-dev","url":"job/beacon-dev/","build":{"full_url":"%s","number":%d,"phase":"COMPLETED",
                 "status":"FAILURE","url":"job/beacon-dev/%d/","parameters":{"DEPLOY_ID":"%d"}}}"""
                .formatted(url, number, number, p.id()));

        assertThat(delivered.body()).isEqualTo("deploy #" + p.id() + " updated");
        d.awaitState(p.id(), DeployState.FAILED);
        FakeSlack.Call why = d.awaitThreadReply(p, "Why it failed");
        String text = why.allText();
        assertThat(text).startsWith("Why it failed: it failed in *stage Migrate*. The last 30 lines of its log:\n```\n");
        assertThat(text).contains("+ psql postgres://app:[masked]@db/app -c 'select 1'",
                "+ curl -H 'Authorization: token [masked]' https://api.github.com/user",
                "ERROR: script returned exit code 2\nFinished: FAILURE\n```\nMore info at: " + url);
        assertThat(text).doesNotContain(PLANTED, GHP, "<!channel>", "<@U0ADMIN>", "```\u0020");
        assertThat(text).contains("&lt;!channel&gt;", "&lt;@U0ADMIN&gt;");
        // After the FAILED news, in the thread, never in the channel; Jenkins was asked with the API token.
        List<FakeSlack.Call> thread = app.slack.calls("chat.postMessage").stream()
                .filter(c -> p.ts().equals(c.param("thread_ts"))).toList();
        assertThat(thread.stream().map(FakeSlack.Call::allText).filter(t -> t.contains("Job beacon-dev build #" + number + " failed")))
                .hasSize(1);
        int failedAt = indexOf(thread, "Job beacon-dev build #" + number + " failed");
        assertThat(indexOf(thread, "Why it failed")).isGreaterThan(failedAt);
        assertThat(app.slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null
                && c.allText().contains("Why it failed") && c.allText().contains("beacon-dev/" + number))).isEmpty();
        assertThat(app.ci.received("GET", "/job/beacon-dev/" + number + "/consoleText")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo(FakeBuildLogs.JENKINS_AUTH));
    }

    @Test
    void aFailingGithubActionsRunOnMainNamesItsJobAndStepUnderItsNotice() {
        int number = NUMBER.incrementAndGet();
        long runId = 389782000L + number;
        app.github.run("octo-org/octo-repo", runId,
                new FakeGitHub.ActionsJob(runId * 10, "lint", "success", List.<String[]>of(), "ok"),
                new FakeGitHub.ActionsJob(runId * 10 + 1, "build", "failure", List.of(new String[]{"Set up job", "success"},
                        new String[]{"Run tests", "failure"}, new String[]{"Post Run actions/checkout@v4", "success"}),
                        "2026-12-07T03:10:01.0000000Z ##[group]Run ./gradlew test\n"
                                + "2026-12-07T03:10:02.0000000Z export AWS_ACCESS_KEY_ID=" + AKIA + "\n"
                                + "2026-12-07T03:10:09.0000000Z OrderServiceTest > refunds() FAILED\n"
                                + "2026-12-07T03:10:09.1000000Z ##[error]Process completed with exit code 1.\n"
                                + "2026-12-07T03:10:10.0000000Z Post job cleanup.\n"));
        String delivery = vendor("github/workflow_run.completed.json")
                .replace("\"conclusion\": \"success\"", "\"conclusion\": \"failure\"")
                .replace("289782451", Long.toString(runId))
                .replace("\"run_number\": 163,", "\"run_number\": " + number + ",");

        assertThat(app.github("application/json", delivery).body()).isEqualTo("announced");

        FakeSlack.Call notice = app.slack.awaitCall("chat.postMessage",
                c -> c.allText().contains("Job test.yml run #" + number + " failed") && c.ok(), wait);
        String ts = notice.response().get("ts").getAsString();
        FakeSlack.Call why = app.slack.awaitCall("chat.postMessage", c -> ts.equals(c.param("thread_ts")), wait);
        assertThat(why.text()).isEqualTo("Why it failed: it failed in *job build, step Run tests*. The last 4 lines of its log:\n"
                + "```\n##[group]Run ./gradlew test\nexport AWS_ACCESS_KEY_ID=[masked]\nOrderServiceTest &gt; refunds() FAILED\n"
                + "##[error]Process completed with exit code 1.\n```\n"
                + "More info at: https://github.com/octo-org/octo-repo/actions/runs/" + runId + "/job/" + (runId * 10 + 1));
        assertThat(app.ci.received("GET", FakeGitHub.SIGNED_LOGS + (runId * 10 + 1))).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void aFailingCircleciWorkflowNamesItsJobAndStepUnderItsNotice() {
        int number = NUMBER.incrementAndGet();
        String workflow = UUID.randomUUID().toString();
        FakeBuildLogs.circleci(app.ci, "circleci", "webhook-service", workflow, "integration-tests", 90000 + number,
                "Run integration tests", "#!/bin/bash -eo pipefail\n./run-it.sh --token " + GHP + "\n"
                        + "FAIL checkout.spec.ts\nExited with code exit status 1\n");
        String delivery = vendor("circleci/workflow-completed.json")
                .replace("\"status\": \"success\"", "\"status\": \"failed\"")
                .replace("\"number\": 130,", "\"number\": " + number + ",")
                .replace("fda08377-fe7e-46b1-8992-3a7aaecac9c3", workflow);

        assertThat(app.circleci(delivery).body()).isEqualTo("announced");

        FakeSlack.Call notice = app.slack.awaitCall("chat.postMessage",
                c -> c.allText().contains("webhook-service pipeline #" + number + " failed") && c.ok(), wait);
        String ts = notice.response().get("ts").getAsString();
        FakeSlack.Call why = app.slack.awaitCall("chat.postMessage", c -> ts.equals(c.param("thread_ts")), wait);
        assertThat(why.text()).isEqualTo("Why it failed: it failed in *job integration-tests, step Run integration tests*."
                + " The last 4 lines of its log:\n```\n#!/bin/bash -eo pipefail\n./run-it.sh --token [masked]\n"
                + "FAIL checkout.spec.ts\nExited with code exit status 1\n```\n"
                + "More info at: https://app.circleci.com/pipelines/gh/circleci/webhook-service/jobs/" + (90000 + number));
        assertThat(why.text()).doesNotContain(GHP);
    }

    private static int indexOf(List<FakeSlack.Call> calls, String containing) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).allText().contains(containing)) {
                return i;
            }
        }
        return -1;
    }
}
