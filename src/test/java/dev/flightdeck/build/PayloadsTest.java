package dev.flightdeck.build;

import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.build.webhook.Payloads;
import dev.flightdeck.build.webhook.WebhookSignatures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTest {

    @Test
    void deliveriesWithoutAStatusChangeAreIgnoredAndGarbageIsNotAnError() {
        assertThat(Payloads.jenkins("{\"name\":\"x\",\"build\":{\"phase\":\"QUEUED\",\"number\":1}}")).isEmpty();
        assertThat(Payloads.github("{\"action\":\"in_progress\",\"workflow_run\":{\"run_number\":3}}")).isEmpty();
        assertThat(Payloads.circleci("{\"type\":\"job-completed\"}")).isEmpty();
        assertThat(Payloads.jenkins("not json at all <>")).isEmpty();
        assertThat(Payloads.circleci("")).isEmpty();
        assertThat(Payloads.github("[1,2]")).isEmpty();
    }

    @Test
    void jenkinsStatusesMapToTheConventionsWords() {
        assertThat(Payloads.jenkins(jenkins("STARTED", "")).map(BuildEvent::phase)).contains(BuildPhase.STARTED);
        assertThat(Payloads.jenkins(jenkins("COMPLETED", "UNSTABLE")).map(BuildEvent::phase)).contains(BuildPhase.FAILED);
        assertThat(Payloads.jenkins(jenkins("FINALIZED", "ABORTED")).map(BuildEvent::phase)).contains(BuildPhase.ABORTED);
        var done = Payloads.jenkins(jenkins("COMPLETED", "SUCCESS")).orElseThrow();
        assertThat(done.label()).isEqualTo("commons-prod-server build #196");
        assertThat(done.deployId()).contains(42L);
        assertThat(done.news("prod").text()).isEqualTo(
                "PROD: Job commons-prod-server build #196 succeeded. More info at: https://jenkins.example.com/job/commons-prod-server/196/");
    }

    @Test
    void jenkinsJobsInFoldersAndMultibranchProjectsAreNamedByTheirFullName() {
        assertThat(Payloads.fullName("job/folder/job/name/job/branch/42/")).contains("folder/name/branch");
        assertThat(Payloads.fullName("https://jenkins.example.com/job/acme/job/commons/job/feature%2Flogin/7/"))
                .contains("acme/commons/feature/login");
        assertThat(Payloads.fullName("queue/item/5/")).isEmpty();
        var event = Payloads.jenkins("""
                {"name":"main","url":"job/platform/job/asgard/job/main/","build":{"number":18,"phase":"COMPLETED",
                 "status":"SUCCESS","url":"job/platform/job/asgard/job/main/18/"}}""").orElseThrow();
        assertThat(event.job()).isEqualTo("platform/asgard/main");
        assertThat(event.label()).isEqualTo("platform/asgard/main build #18");
    }

    @Test
    void githubFindsTheDeployIdInTheRunTitle() {
        var run = Payloads.github("""
                {"action":"requested","workflow_run":{"run_number":56,"display_title":"Deploy web 2.4.0 to prod (flightdeck #77)",
                 "path":".github/workflows/deploy.yml","html_url":"https://github.com/acme/web/actions/runs/9002",
                 "actor":{"login":"michael"}},"repository":{"full_name":"acme/web"}}""").orElseThrow();
        assertThat(run.deployId()).contains(77L);
        assertThat(run.label()).isEqualTo("deploy.yml run #56");
        assertThat(run.news("prod").text()).startsWith("PROD: Job deploy.yml run #56 started by michael.");
    }

    @Test
    void signaturesAreCheckedForEveryScheme() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String mac = WebhookSignatures.hmacHex("s3cret", body);
        assertThat(WebhookSignatures.github("s3cret", "sha256=" + mac, body)).isTrue();
        assertThat(WebhookSignatures.github("s3cret", "sha1=" + mac, body)).isFalse();
        assertThat(WebhookSignatures.circleci("s3cret", "v2=zz, v1=" + mac, body)).isTrue();
        assertThat(WebhookSignatures.circleci("s3cret", "v1=" + mac, "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(WebhookSignatures.sharedToken("tok", "tok")).isTrue();
        assertThat(WebhookSignatures.sharedToken("", "")).isFalse();
        assertThat(WebhookSignatures.github(null, "sha256=" + mac, body)).isFalse();
    }

    static String jenkins(String phase, String status) {
        return """
                {"name":"commons-prod-server","build":{"full_url":"https://jenkins.example.com/job/commons-prod-server/196/",
                 "number":196,"phase":"%s","status":"%s","parameters":{"DEPLOY_ID":"42"}}}""".formatted(phase, status);
    }
}
