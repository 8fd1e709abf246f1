package dev.flightdeck.build;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.flightdeck.build.CiApp.vendor;
import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static dev.flightdeck.slack.deploy.DeployDriver.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promotion end to end through the "ci" app (teamconfig/releases.yml: PROD promotes from STAGING with the promoted
 * gate; service hello builds on Jenkins): signed slash commands and clicks, the Jenkins Notification plugin's
 * published example moving the staging build to SUCCEEDED, and what Slack was sent.
 */
class PromotionEndToEndTest {

    private static final AtomicInteger BUILDS = new AtomicInteger(1500);

    final CiApp app = CiApp.shared();
    final DeployDriver d = app.driver;

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void prodIsBlockedUntilStagingSucceedsThenPromoteToProdOpensTheRequestOnce() {
        String version = DeployDriver.newVersion();
        // hello has a repo, so gate ci reads the version's checks: a tagged commit with its build green.
        FakeGitHub.Repo repo = app.github.repo("Codertocat/Hello-World");
        String sha = repo.commit("Release " + version, "Codertocat", 0);
        repo.ref(version, sha);
        app.github.ci(sha).run("build", "completed", "success");

        // 1. PROD before STAGING: blocked, naming the gate and what STAGING runs.
        var early = d.request("hello", version, "prod", REQUESTER, "");
        CheckResult promoted = check(early.id(), "promoted");
        assertThat(promoted.blocked()).isTrue();
        assertThat(promoted.text()).startsWith(version + " has not succeeded in STAGING (");
        assertThat(d.message(early).allText()).contains(version + " has not succeeded in STAGING");

        // 2. STAGING: go, Start, and Jenkins reports success.
        var staging = succeededInStaging(version);

        // 3. The success's thread copy carries Promote to PROD.
        FakeSlack.Call success = d.slack.awaitCall("chat.postMessage", c -> staging.ts().equals(c.param("thread_ts"))
                && c.param("attachments") != null && c.param("attachments").contains(DeploySlackIds.DEPLOY_PROMOTE), WAIT);
        List<String[]> buttons = promoteButtons(success);
        assertThat(buttons).hasSize(1);
        assertThat(buttons.get(0)[0]).isEqualTo("Promote to PROD");
        assertThat(buttons.get(0)[1]).isEqualTo(staging.id() + ":prod");
        assertThat(success.allText()).contains("STAGING: Job hello-staging build #", " succeeded",
                "hello " + version + " succeeded in STAGING; PROD takes versions from here.");

        // 4. A click while the early PROD request is open opens nothing and says where that one is.
        promote(staging, RM1);
        d.awaitEphemeral(RM1, "Deploy #" + early.id() + " (hello " + version + " to PROD) is already open (");
        d.command("cancel " + early.id(), REQUESTER, d.slack.responseUrl());
        d.awaitState(early.id(), DeployState.CANCELLED);

        // 5. Now the click opens the PROD request, by the clicker, not blocked by promoted; the thread says so.
        promote(staging, RM1);
        d.awaitThreadReply(staging, "<@" + RM1 + "> promoted hello " + version + " to PROD: deploy #");
        DeployRequest opened = d.repository().history("hello", Optional.of("prod"), 50).stream()
                .filter(r -> r.version().equals(version) && r.state() == DeployState.REQUESTED).findFirst().orElseThrow();
        assertThat(opened.requesterId()).isEqualTo(RM1);
        assertThat(opened.id()).isNotEqualTo(early.id());
        CheckResult passed = check(opened.id(), "promoted");
        assertThat(passed.blocked()).isFalse();
        assertThat(passed.text()).startsWith(version + " succeeded in STAGING (deploy #" + staging.id() + ", ");
        app.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null && c.text() != null
                && c.text().contains("PROD build of hello using version " + version), WAIT);

        // 6. A second click (someone else's) opens nothing and points at the open one.
        promote(staging, RM2);
        d.awaitEphemeral(RM2, "Deploy #" + opened.id() + " (hello " + version + " to PROD) is already open (");
        assertThat(d.repository().history("hello", Optional.of("prod"), 50).stream()
                .filter(r -> r.version().equals(version))).hasSize(2);

        // 7. /deploy status shows what is live where, and since when.
        String status = d.command("status hello", DEVELOPER, d.slack.responseUrl()).json().getAsJsonObject()
                .get("text").getAsString();
        assertThat(status).contains("*Live versions*", "• *hello*: ", "STAGING `" + version + "` since <!date^",
                "(#" + staging.id() + ")");
    }

    private DeployDriver.Posted succeededInStaging(String version) {
        int number = BUILDS.incrementAndGet();
        String url = app.ci.url() + "/job/hello-staging/" + number + "/";
        d.backend().startVersionAs(version, "hello-staging build #" + number, url);
        var asked = d.request("hello", version, "staging", REQUESTER, "");
        // The driver finds a go/no-go by its version, which the PROD one above shares: read where this one landed.
        DeployRequest stored = d.awaitRequest("hello", "staging", version);
        var p = new DeployDriver.Posted(stored.id(), stored.channelId(), stored.messageTs(), asked.ack(), asked.responseUrl());
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitState(p.id(), DeployState.APPROVED);
        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitState(p.id(), DeployState.RUNNING);
        // The Notification plugin's published example, for this job and build.
        String delivery = vendor("jenkins/completed.json")
                .replace("\"name\": \"asgard\"", "\"name\": \"hello-staging\"")
                .replace("job/asgard/18/", "job/hello-staging/" + number + "/")
                .replace("\"url\": \"job/asgard/\"", "\"url\": \"job/hello-staging/\"")
                .replace("\"number\": 18", "\"number\": " + number)
                .replace("http://localhost:8080/job/hello-staging/" + number + "/", url);
        assertThat(app.jenkins(delivery).statusCode()).isEqualTo(200);
        d.awaitState(p.id(), DeployState.SUCCEEDED);
        return p;
    }

    private void promote(DeployDriver.Posted staging, String user) {
        d.click(DeploySlackIds.DEPLOY_PROMOTE, staging.id() + ":prod", staging.channel(), staging.ts(), user);
    }

    private CheckResult check(long id, String name) {
        return d.repository().checks(id).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The Promote buttons inside the attachments of a thread reply: [label, value]. */
    private static List<String[]> promoteButtons(FakeSlack.Call call) {
        List<String[]> out = new ArrayList<>();
        for (JsonElement attachment : JsonParser.parseString(call.param("attachments")).getAsJsonArray()) {
            JsonArray blocks = attachment.getAsJsonObject().getAsJsonArray("blocks");
            if (blocks == null) {
                continue;
            }
            for (JsonElement block : blocks) {
                JsonObject b = block.getAsJsonObject();
                if (!b.get("type").getAsString().equals("actions")) {
                    continue;
                }
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    JsonObject button = e.getAsJsonObject();
                    if (button.get("action_id").getAsString().equals(DeploySlackIds.DEPLOY_PROMOTE)) {
                        out.add(new String[]{button.getAsJsonObject("text").get("text").getAsString(),
                                button.get("value").getAsString()});
                    }
                }
            }
        }
        return out;
    }
}
