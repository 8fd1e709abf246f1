package dev.flightdeck.build;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.flightdeck.build.WhatShipsFlowTest.REPO;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closing note's figures (printed, not timed assertions): a request shipping 250 commits — its go/no-go's Block
 * Kit size and block count, and the time from the signed /deploy to the message in FakeSlack — and the go/no-go of a
 * release request as it renders, kept in /tmp/ships-gonogo.json. What it asserts is Slack's limits.
 */
class WhatShipsFiguresTest {

    static CiApp app;
    static DeployDriver d;

    @BeforeAll
    static void start() {
        WhatShipsFlowTest.start();
        app = WhatShipsFlowTest.app;
        d = app.driver;
    }

    @AfterEach
    void cleanUp() {
        d.finishInFlight();
    }

    @Test
    void aRequestShipping250CommitsStaysWithinSlacksLimits() throws Exception {
        for (int run = 1; run <= 3; run++) {
            WhatShipsFlowTest.live(WhatShipsFlowTest.tag("3.0.0"));
            for (int i = 1; i < 250; i++) {
                app.github.repo(REPO).commit("Change " + i + " of the big release: tidy the greeting code path " + i,
                        i % 3 == 0 ? "octocat" : "Codertocat", i % 2 == 0 ? 2000 + i : 0);
            }
            String version = WhatShipsFlowTest.tag("3.1.0");

            Instant sent = Instant.now();
            var p = d.request("hello", version, "staging", REQUESTER, "");
            FakeSlack.Call post = post(p);
            Duration toPost = Duration.between(sent, post.at());

            String blocks = post.param("blocks");
            JsonArray parsed = post.blocks();
            assertThat(WhatShipsFlowTest.unescaped(blocks)).contains("*What ships*: 250 commits since the live version",
                    "…and 240 more");
            assertThat(parsed.size()).isLessThanOrEqualTo(50);
            for (JsonElement b : parsed) {
                var o = b.getAsJsonObject();
                if (o.has("text")) {
                    assertThat(o.getAsJsonObject("text").get("text").getAsString().length()).isLessThanOrEqualTo(3000);
                }
            }
            System.out.printf("ships figures: run %d: 250 commits: %d blocks, Block Kit JSON %d bytes, signed /deploy to"
                            + " chat.postMessage in FakeSlack %d ms%n", run, parsed.size(),
                    blocks.getBytes(StandardCharsets.UTF_8).length, toPost.toMillis());
            if (run == 1) {
                Files.writeString(Path.of("/tmp/ships-gonogo-250.json"), pretty(parsed));
            }
            app.server.getApplicationContext().getBean(DeployService.class).cancel(p.id(), REQUESTER);
        }
    }

    @Test
    void theGoNoGoOfAReleaseRequestAsItRenders() throws Exception {
        WhatShipsFlowTest.live(WhatShipsFlowTest.tag("2.3.0"));
        var repo = app.github.repo(REPO);
        repo.commit("Greet in Portuguese", "Codertocat", 41);
        repo.commit("Merge pull request #42 from octocat/patch-1\n\nShorter greeting", "octocat", 0);
        repo.commit("Fix a typo in the README", "octocat", 0);
        String version = WhatShipsFlowTest.tag("2.4.0");
        String sha = repo.resolve(version).orElseThrow().sha();
        app.github.ci(sha).run("build", "completed", "success").status("ci/jenkins", "success", null);

        // Opened as a release opens it: GitHub's published example for this tag, signed, at /hooks/github.
        var reply = app.github("release", "application/json", ReleaseWebhookTest.release(
                ReleaseWebhookTest.newReleaseId(), version, "Codertocat", REPO));
        assertThat(reply.body()).startsWith("requested hello " + version + " to STAGING as #");
        DeployRequest stored = d.awaitRequest("hello", "staging", version);
        var p = new DeployDriver.Posted(stored.id(), stored.channelId(), stored.messageTs(), null, null);
        JsonArray blocks = post(p).blocks();
        assertThat(WhatShipsFlowTest.unescaped(blocks.toString())).contains("*What ships*: 4 commits since the live version",
                "*ci*: CI passed on `" + sha.substring(0, 7) + "`", "GitHub release " + version);

        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        Files.writeString(Path.of("/tmp/ships-gonogo.json"), pretty(blocks));
        System.out.println("ships figures: the go/no-go of a release request is in /tmp/ships-gonogo.json ("
                + blocks.size() + " blocks)");
        app.server.getApplicationContext().getBean(DeployService.class).cancel(p.id(), REQUESTER);
    }

    static FakeSlack.Call post(DeployDriver.Posted p) {
        return d.slack.calls("chat.postMessage").stream().filter(c -> c.ok() && c.param("thread_ts") == null
                && c.response().get("ts").getAsString().equals(p.ts())).findFirst().orElseThrow();
    }

    static String pretty(JsonArray blocks) {
        com.google.gson.JsonObject message = new com.google.gson.JsonObject();
        message.add("blocks", blocks);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(message) + "\n";
    }
}
