package dev.flightdeck.build;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployScheduler;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flightdeck.build.CiApp.vendor;
import static dev.flightdeck.slack.deploy.DeployDriver.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published GitHub release opens a deploy request, through the real webhook edge of the "ci" app (team overlay
 * teamconfig/releases.yml: service hello with repo Codertocat/Hello-World, on-release staging runner U0DEV, people
 * Codertocat -> U0DEV). The payload is GitHub's own published example (vendor/github/release.published.json); the
 * other cases (another author, release id, tag, repository, a draft, a prerelease, another action) are derived from
 * it here, field by field, so every delivery is still shaped as GitHub sends it.
 */
class ReleaseWebhookTest {

    static final AtomicInteger TAGS = new AtomicInteger();
    static final String RELEASE = "release.published.json";
    static final Pattern OPENED = Pattern.compile("as #([0-9]+)");

    final CiApp app = CiApp.shared();
    final DeployDriver d = app.driver;

    /** GitHub's example with this release id, tag, author and repository (the tag also in html_url, as GitHub writes it). */
    static String release(long id, String tag, String author, String repository) {
        JsonObject root = JsonParser.parseString(vendor("github/" + RELEASE)).getAsJsonObject();
        JsonObject release = root.getAsJsonObject("release");
        release.addProperty("id", id);
        release.addProperty("tag_name", tag);
        release.addProperty("html_url", "https://github.com/" + repository + "/releases/tag/" + tag);
        release.getAsJsonObject("author").addProperty("login", author);
        root.getAsJsonObject("repository").addProperty("full_name", repository);
        return root.toString();
    }

    static String with(String payload, String field, Object value) {
        JsonObject root = JsonParser.parseString(payload).getAsJsonObject();
        if (field.equals("action")) {
            root.addProperty("action", (String) value);
        } else {
            root.getAsJsonObject("release").addProperty(field, (Boolean) value);
        }
        return root.toString();
    }

    static long newReleaseId() {
        return 900_000_000L + ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    }

    static String newTag() {
        return "3.0." + TAGS.incrementAndGet() + "-r" + (System.nanoTime() % 100_000);
    }

    HttpResponse<String> json(String payload) {
        return app.github("release", "application/json", payload);
    }

    HttpResponse<String> form(String payload) {
        return app.github("release", "application/x-www-form-urlencoded",
                "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    List<DeployRequest> requests(String service, String version) {
        return d.repository().history(service, Optional.of("staging"), 500).stream()
                .filter(r -> r.version().equals(version)).toList();
    }

    static long openedId(HttpResponse<String> reply) {
        Matcher m = OPENED.matcher(reply.body());
        assertThat(m.find()).as(reply.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    FakeSlack.Call goNoGo(String version) {
        return app.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null && c.ok() && c.text() != null
                && c.text().contains("STAGING build of") && c.text().contains("using version " + version), WAIT);
    }

    @Test
    void githubsExamplePublishedOpensOneStagingRequestAndItsRedeliveryAsAFormOpensNothingMore() {
        String payload = vendor("github/" + RELEASE);

        HttpResponse<String> first = json(payload);
        HttpResponse<String> again = form(payload);
        HttpResponse<String> third = json(payload);

        assertThat(first.statusCode()).isEqualTo(200);
        // Another test class may have sent GitHub's unchanged example to this shared app first.
        assertThat(first.body()).matches("(requested hello 0\\.0\\.1 to STAGING|already requested) as #[0-9]+.*");
        long id = openedId(first);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("already requested as #" + id + " (hello)");
        assertThat(third.body()).isEqualTo("already requested as #" + id + " (hello)");
        assertThat(requests("hello", "0.0.1")).hasSize(1);

        DeployRequest r = d.repository().find(id).orElseThrow();
        assertThat(r.environment()).isEqualTo("staging");
        assertThat(r.requesterId()).isEqualTo("U0DEV");   // people: Codertocat -> U0DEV
        assertThat(r.runnerId()).isEqualTo("U0DEV");
        assertThat(r.note()).isEqualTo("GitHub release 0.0.1 of Codertocat/Hello-World, published by Codertocat: "
                + "https://github.com/Codertocat/Hello-World/releases/tag/0.0.1");
    }

    @Test
    void aReleaseByAMappedAuthorIsPostedInTheStagingChannelNamingRunnerAndRequesterWithTheReleaseLink() {
        String tag = newTag();
        HttpResponse<String> reply = json(release(newReleaseId(), tag, "Codertocat", "Codertocat/Hello-World"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).startsWith("requested hello " + tag + " to STAGING as #");
        FakeSlack.Call post = goNoGo(tag);
        assertThat(post.channel()).isIn("#deploys", app.slack.channel("deploys").orElseThrow().id());
        String blocks = post.param("blocks").replace("\\u003c", "<").replace("\\u003e", ">");
        assertThat(blocks).contains("*Requester*\\n<@U0DEV>").contains("*Runner*\\n<@U0DEV>")
                .contains("https://github.com/Codertocat/Hello-World/releases/tag/" + tag);
        DeployRequest r = d.awaitRequest("hello", "staging", tag);
        assertThat(r.id()).isEqualTo(openedId(reply));
        assertThat(r.state()).isEqualTo(DeployState.REQUESTED);
    }

    @Test
    void anUnmappedAuthorIsShownAsTheirGithubLoginEverywhereAndTheRequestIsNudgedLikeAnyOther() {
        String tag = newTag();
        HttpResponse<String> reply = json(release(newReleaseId(), tag, "hubot", "Codertocat/Hello-World"));

        assertThat(reply.statusCode()).isEqualTo(200);
        FakeSlack.Call post = goNoGo(tag);
        // The runner is someone else than the requester: the team's convention names the runner first.
        assertThat(post.text()).isEqualTo("<@U0DEV> please run a STAGING build of hello using version " + tag);
        String blocks = post.param("blocks").replace("\\u003c", "<").replace("\\u003e", ">");
        assertThat(blocks).contains("*Requester*\\nhubot on GitHub").doesNotContain("<@hubot").doesNotContain("github:");
        DeployRequest r = d.awaitRequest("hello", "staging", tag);
        assertThat(r.requesterId()).isEqualTo("github:hubot");

        // Staging's nudge-after (15m by default): the approvers are pinged in the thread, naming who asked.
        d.clock.advance(Duration.ofMinutes(16));
        d.context().getBean(DeployScheduler.class).runDue();
        var posted = new DeployDriver.Posted(r.id(), post.response().getAsJsonObject().get("channel").getAsString(),
                post.response().getAsJsonObject().get("ts").getAsString(), null, null);
        FakeSlack.Call nudge = d.awaitThreadReply(posted, "requested by hubot on GitHub, has waited");
        assertThat(nudge.text()).contains("deploy #" + r.id() + " (hello " + tag + " to STAGING)");

        // /deploy status names them the same way.
        var status = d.command("status hello", DeployDriver.REQUESTER, app.slack.responseUrl());
        assertThat(status.body()).contains("requested by hubot on GitHub").doesNotContain("<@hubot");
    }

    @Test
    void theSameReleaseDeliveredTwiceAtOnceOpensOneRequest() {
        String tag = newTag();
        String payload = release(newReleaseId(), tag, "Codertocat", "Codertocat/Hello-World");

        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> json(payload));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> form(payload));
        List<String> bodies = List.of(a.join().body(), b.join().body());

        assertThat(a.join().statusCode()).isEqualTo(200);
        assertThat(b.join().statusCode()).isEqualTo(200);
        assertThat(bodies).filteredOn(x -> x.startsWith("requested hello " + tag)).hasSize(1);
        d.awaitRequest("hello", "staging", tag);
        assertThat(requests("hello", tag)).hasSize(1);
        assertThat(app.slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null
                && c.text() != null && c.text().contains("using version " + tag))).hasSize(1);
    }

    @Test
    void severalServicesOfOneRepositoryEachGetTheirOwnRequestAndTheRepositoryNameIgnoresCase() {
        String tag = newTag();
        HttpResponse<String> reply = json(release(newReleaseId(), tag, "Codertocat", "OCTO-ORG/octo-app"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).startsWith("one request per service of this repository (2 opened): requested octo-api "
                + tag + " to STAGING as #").contains("; requested octo-web " + tag + " to STAGING as #");
        assertThat(d.awaitRequest("octo-api", "staging", tag).runnerId()).isEqualTo("U0DEV");
        assertThat(d.awaitRequest("octo-web", "staging", tag).runnerId()).isEqualTo("U0DEV");
    }

    @Test
    void aDraftAPrereleaseAnotherActionAndAnUnknownRepositoryAreIgnoredSayingWhy() {
        String tag = newTag();
        String payload = release(newReleaseId(), tag, "Codertocat", "Codertocat/Hello-World");
        Map<String, String> expected = Map.of(
                with(payload, "draft", true), "ignored: a draft release opens no deploy request (publish it)",
                with(payload, "prerelease", true), "ignored: a prerelease opens no deploy request",
                with(payload, "action", "created"), "ignored: release action created: only a published release opens a deploy request",
                release(newReleaseId(), tag, "Codertocat", "acme/unknown"), "ignored: no service has repo acme/unknown in the team file",
                release(newReleaseId(), tag, "Codertocat", "Codertocat/Hello-Docs"),
                "ignored: service hello-docs has no on-release in the team file",
                release(newReleaseId(), tag, "hubot", "Codertocat/Hello-Cli"),
                "ignored: service hello-cli: on-release names no runner and GitHub user hubot is not in people:"
                        + " (add on-release.runner, or people.hubot: <Slack user id>)");

        expected.forEach((body, answer) -> {
            HttpResponse<String> reply = json(body);
            assertThat(reply.statusCode()).as(answer).isEqualTo(202);
            assertThat(reply.body()).isEqualTo(answer);
        });
        for (String service : List.of("hello", "hello-docs", "hello-cli")) {
            assertThat(requests(service, tag)).as(service).isEmpty();
        }
    }

    @Test
    void withoutARunnerTheMappedAuthorRunsIt() {
        String tag = newTag();
        HttpResponse<String> reply = json(release(newReleaseId(), tag, "codertocat", "Codertocat/Hello-Cli"));

        assertThat(reply.statusCode()).isEqualTo(200);
        DeployRequest r = d.awaitRequest("hello-cli", "staging", tag);
        assertThat(r.requesterId()).isEqualTo("U0DEV");   // logins compare without case
        assertThat(r.runnerId()).isEqualTo("U0DEV");
    }

    @Test
    void anUnsignedOrWronglySignedDeliveryIs401AndOpensNothing() {
        String tag = newTag();
        String payload = release(newReleaseId(), tag, "Codertocat", "Codertocat/Hello-World");

        HttpResponse<String> unsigned = app.post("/hooks/github", "application/json", payload,
                Map.of("X-GitHub-Event", "release"));
        HttpResponse<String> wrong = app.post("/hooks/github", "application/json", payload,
                Map.of("X-GitHub-Event", "release", "X-Hub-Signature-256", "sha256=" + "0".repeat(64)));

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(requests("hello", tag)).isEmpty();
    }

    @Test
    void aTagThatIsNotAVersionIsRefusedSayingSo() {
        HttpResponse<String> reply = json(release(newReleaseId(), "release candidate 1", "Codertocat", "Codertocat/Hello-World"));

        assertThat(reply.statusCode()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo("ignored: hello: the tag release candidate 1 is not a version Flightdeck accepts"
                + " (letters, digits, . _ + / -, up to 64)");
    }
}
