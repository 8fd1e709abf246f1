package dev.flightdeck.build;

import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/** A webhook for a build Flightdeck started moves its deploy; the same delivery twice changes nothing twice. */
class BuildStatusFlowTest {

    final DeployDriver d = DeployDriver.shared();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void insideTheWindow() {
        d.moveToWindow(true);
    }

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void jenkinsReportsSuccessAndTheDeploySucceedsOnce() throws Exception {
        var p = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitState(p.id(), DeployState.RUNNING);

        String body = """
                {"name":"commons-prod-server","build":{"full_url":"https://jenkins.example.com/job/commons-prod-server/196/",
                 "number":196,"phase":"COMPLETED","status":"SUCCESS","parameters":{"DEPLOY_ID":"%d"}}}""".formatted(p.id());
        String token = TestSecretsFactory.VALUES.get("FLIGHTDECK_JENKINS_WEBHOOK_TOKEN");

        assertThat(post(body, token).body()).isEqualTo("deploy #" + p.id() + " updated");
        d.awaitState(p.id(), DeployState.SUCCEEDED);
        assertThat(post(body, token).body()).isEqualTo("deploy #" + p.id() + " unchanged");
        assertThat(d.repository().find(p.id()).orElseThrow().buildLabel()).isEqualTo("commons-prod-server build #196");

        // The result in the team's convention and colour, with who ran it (the runner, here the requester), once in
        // the thread and once in the channel, despite the repeat.
        String news = "PROD: Job commons-prod-server build #196 succeeded by <@" + REQUESTER + ">. More info at: "
                + "https://jenkins.example.com/job/commons-prod-server/196/";
        d.awaitThreadReply(p, news);
        var announced = d.slack.calls("chat.postMessage").stream().filter(c -> c.allText().contains(news)).toList();
        assertThat(announced).hasSize(2);
        assertThat(announced).allSatisfy(c -> assertThat(c.param("attachments")).contains("#2EB67D"));
        assertThat(announced).extracting(c -> c.param("thread_ts") == null).containsExactlyInAnyOrder(true, false);
        assertThat(d.message(p).allText()).contains("SUCCEEDED");
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(d.uri() + "/hooks/jenkins"))
                .header("Content-Type", "application/json").header("X-Flightdeck-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
