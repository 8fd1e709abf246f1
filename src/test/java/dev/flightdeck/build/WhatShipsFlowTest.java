package dev.flightdeck.build;

import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.testing.FakeSlack;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ships, end to end on the "ci" app: signed /deploy commands for service {@code hello} (repo
 * Codertocat/Hello-World on the loopback FakeGitHub), its go/no-go message in FakeSlack, and its deploy page.
 */
class WhatShipsFlowTest {

    static final String REPO = "Codertocat/Hello-World";
    static CiApp app;
    static DeployDriver d;

    @BeforeAll
    static void start() {
        app = CiApp.shared();
        d = app.driver;
        // Jenkins takes hello's staging builds (queued, no queue item to follow); their results come by webhook.
        app.ci.on("POST /job/hello-staging/buildWithParameters", r -> FakeBuildServer.Answer.of(201, ""));
    }

    @AfterEach
    void cleanUp() {
        app.github.failCompare(REPO, 0);
        d.finishInFlight();
    }

    @Test
    void theFirstRequestToAnEnvironmentSaysSo() {
        String version = tag("1.0.0");

        var p = d.request("hello", version, "dev", REQUESTER, "");

        assertThat(d.message(p).allText()).contains("*What ships*: first deploy of hello to DEV");
    }

    @Test
    void aRequestListsTheCommitsSinceTheLiveVersionWithPullRequestLinksAndARedrawAsksGitHubNothing() throws Exception {
        String live = tag("1.0.0");
        live(live);
        var repo = app.github.repo(REPO);
        String first = repo.commit("Say hello to the <b>world</b> & friends", "Codertocat", 12);
        repo.commit("Fix the greeting's punctuation", "octocat", 0);
        repo.commit("Merge pull request #14 from Codertocat/faster\n\nFaster greetings", "Codertocat", 0);
        String next = tag("1.1.0");
        int callsBefore = app.github.compareCalls();

        var p = d.request("hello", next, "staging", REQUESTER, "");

        String blocks = blocksOf(p);
        String pulls = app.ci.url() + "/" + REPO + "/pull/";
        // Three commits, and the one the release tag points at.
        assertThat(blocks).contains("*What ships*: 4 commits since the live version `" + live + "`",
                "<" + app.ci.url() + "/" + REPO + "/commit/" + first + "|`" + first.substring(0, 7) + "`>"
                        + " Say hello to the &lt;b&gt;world&lt;/b&gt; &amp; friends (<" + pulls + "12|#12>) — Codertocat",
                " Fix the greeting's punctuation — octocat",
                " Merge pull request #14 from Codertocat/faster (<" + pulls + "14|#14>) — Codertocat",
                " Release " + next + " — Codertocat");
        assertThat(app.github.compareCalls()).isEqualTo(callsBefore + 1);

        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitState(p.id(), DeployState.APPROVED);
        FakeSlack.Call redrawn = d.awaitUpdate(p, "go from <@" + DEVELOPER + ">");
        assertThat(unescaped(redrawn.param("blocks"))).contains("*What ships*: 4 commits since the live version");
        assertThat(app.github.compareCalls()).isEqualTo(callsBefore + 1);

        String page = page("/deploys/" + p.id());
        assertThat(page).contains("What ships", "4 commits since the live version " + live,
                "Say hello to the &lt;b&gt;world&lt;/b&gt; &amp; friends (<a href=\"" + pulls + "12\">#12</a>) — Codertocat",
                "Fix the greeting's punctuation — octocat").doesNotContain("<b>world");
        assertThat(app.github.compareCalls()).isEqualTo(callsBefore + 1);
    }

    @Test
    void whenGitHubFailsTheRequestStillPostsAndSaysWhy() throws Exception {
        live(tag("1.0.0"));
        app.github.repo(REPO).commit("Something new", "Codertocat", 0);
        String next = tag("1.1.0");
        app.github.failCompare(REPO, 500);

        var p = d.request("hello", next, "staging", REQUESTER, "");

        assertThat(d.message(p).allText())
                .contains("*What ships*: could not read what ships: GitHub answered HTTP 500 for " + REPO);
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);
        assertThat(page("/deploys/" + p.id())).contains("Could not read what ships: GitHub answered HTTP 500 for " + REPO);
    }

    private static final java.util.concurrent.atomic.AtomicInteger TAGS = new java.util.concurrent.atomic.AtomicInteger();

    /** A new commit tagged {@code semver} with a suffix no other test uses ("1.1.0-rc7"). */
    static String tag(String semver) {
        String version = semver + "-rc" + TAGS.incrementAndGet() + "." + (System.nanoTime() % 10_000);
        app.github.repo(REPO).commit("Release " + version, "Codertocat", 0);
        app.github.repo(REPO).ref(version, null);
        return version;
    }

    /** Takes {@code version} of hello to SUCCEEDED in staging the way a team does: request, go, start, Jenkins says so. */
    static void live(String version) {
        var p = d.request("hello", version, "staging", REQUESTER, "");
        d.click(DeploySlackIds.DEPLOY_GO, p, DEVELOPER);
        d.awaitState(p.id(), DeployState.APPROVED);
        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitState(p.id(), DeployState.RUNNING);
        String body = """
                {"name":"hello-staging","build":{"full_url":"%s/job/hello-staging/7/","number":7,"phase":"COMPLETED",
                 "status":"SUCCESS","parameters":{"DEPLOY_ID":"%d"}}}""".formatted(app.ci.url(), p.id());
        assertThat(app.jenkins(body).body()).isEqualTo("deploy #" + p.id() + " updated");
        d.awaitState(p.id(), DeployState.SUCCEEDED);
    }

    static String blocksOf(DeployDriver.Posted p) {
        return d.slack.calls("chat.postMessage").stream().filter(c -> c.ok() && c.param("thread_ts") == null
                        && c.response().get("ts").getAsString().equals(p.ts()))
                .map(c -> unescaped(c.param("blocks"))).findFirst().orElseThrow();
    }

    static String unescaped(String json) {
        return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u003d", "=").replace("\\u0026", "&")
                .replace("\\u0027", "'");
    }

    /** The page as a signed-in manager gets it: a real GET with the session cookie sign-in issues. */
    static String page(String path) throws Exception {
        String token = app.server.getApplicationContext().getBean(TokenGenerator.class)
                .generateToken(Authentication.build("local", Map.of("displayName", "local user")), 3600).orElseThrow();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.server.getURI() + path))
                .header("Cookie", "JWT=" + token).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
