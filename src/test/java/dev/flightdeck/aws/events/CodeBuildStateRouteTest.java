package dev.flightdeck.aws.events;

import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.build.BuildParameters;
import dev.flightdeck.build.MotoTimestamps;
import dev.flightdeck.build.codebuild.CodeBuildBackend;
import dev.flightdeck.build.poll.BuildPoller;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.FakeBuildBackend;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.testing.FakeSlack;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.codebuild.model.SourceType;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "CodeBuild Build State Change" through {@code POST /hooks/aws/events} on the alerts test app, whose example team
 * file deploys service {@code reports} with CodeBuild project {@code reports-{env}}. Builds are real builds in moto
 * (started through the SDK); each event is AWS's published example (vendor/aws/codebuild-build-state-change.json)
 * with its event id, build ARN, project name and log stream replaced by the test's own, and where a test says so its
 * {@code build-status} (FAILED, or IN_PROGRESS with {@code build-complete} false) or its {@code initiator}.
 */
class CodeBuildStateRouteTest {

    static final AlertsApp app = AlertsApp.shared();
    static final String EXAMPLE_ARN =
            "arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX";
    static CodeBuildClient codeBuild;
    final DeployDriver d = new DeployDriver(app.slack, app.server);

    @BeforeAll
    static void projects() {
        codeBuild = CodeBuildClient.builder().region(app.moto.region()).endpointOverride(app.moto.endpoint())
                .credentialsProvider(app.moto.credentials()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new MotoTimestamps())).build();
        for (String project : List.of("reports-dev", "reports-staging")) {
            try {
                codeBuild.createProject(p -> p.name(project)
                        .source(s -> s.type(SourceType.S3).location("flightdeck-test-artifacts/reports.zip"))
                        .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                        .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
                                .computeType(ComputeType.BUILD_GENERAL1_SMALL))
                        .serviceRole("arn:aws:iam::123456789012:role/codebuild"));
            } catch (ResourceAlreadyExistsException e) {
                // The moto of the test apps is shared: made by an earlier run in this JVM.
            }
        }
    }

    @AfterAll
    static void close() {
        codeBuild.close();
    }

    /** A build of the project started by someone else, as CodeBuild itself would run it. */
    static Build foreignBuild(String project) {
        return codeBuild.startBuild(b -> b.projectName(project)).build();
    }

    /** AWS's example, about {@code build}, under a new event id. */
    static String eventAbout(Build build, String eventId) {
        String uuid = build.id().substring(build.id().indexOf(':') + 1);
        return AwsVendorEvents.withId("codebuild-build-state-change.json", eventId)
                .replace(EXAMPLE_ARN, build.arn())
                .replace("my-sample-project", build.projectName())
                .replace("8745a7a9-c340-456a-9166-edf953571bEX", uuid);
    }

    static String page(Build build) {
        return "https://" + app.moto.region().id() + ".console.aws.amazon.com/codesuite/codebuild/projects/"
                + build.projectName() + "/build/" + build.projectName() + "%3A" + build.id().substring(build.id().indexOf(':') + 1);
    }

    List<FakeSlack.Call> postsContaining(String text) {
        awaitOutboxEmpty();
        return app.slack.calls("chat.postMessage").stream().filter(c -> c.ok() && c.allText().contains(text)).toList();
    }

    void awaitOutboxEmpty() {
        long deadline = System.nanoTime() + DeployDriver.WAIT.toNanos();
        MeterRegistry meters = app.bean(MeterRegistry.class);
        while (meters.get("flightdeck.outbox.backlog").gauge().value() > 0) {
            assertThat(System.nanoTime()).as("the outbox never emptied").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aBuildFlightdeckDidNotStartIsAnnouncedOnceInItsEnvironmentsChannel() {
        Build build = foreignBuild("reports-staging");
        String id = UUID.randomUUID().toString();
        String body = eventAbout(build, id);

        HttpResponse<String> first = app.awsEvent(body, AlertsApp.EVENTS_TOKEN);
        HttpResponse<String> again = app.awsEvent(body, AlertsApp.EVENTS_TOKEN);
        // The same state in another delivery (a replay, a second rule): seen as the same build's news.
        HttpResponse<String> replayed = app.awsEvent(eventAbout(build, UUID.randomUUID().toString()), AlertsApp.EVENTS_TOKEN);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).isEqualTo("accepted");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("already seen: " + id);
        assertThat(replayed.statusCode()).isEqualTo(202);
        // Staging posts in #deploys: the team's convention, the build's number as CodeBuild gave it, its console page.
        String news = "STAGING: Job reports-staging build #" + build.buildNumber() + " succeeded by MyCodeBuildDemoUser."
                + " More info at: " + page(build);
        app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.allText().contains(news), DeployDriver.WAIT);
        List<FakeSlack.Call> posts = postsContaining("reports-staging build #" + build.buildNumber() + " ");
        assertThat(posts).hasSize(1);
        // Posted by the channel's name; Slack's answer says which channel that was.
        assertThat(posts.get(0).response().getAsJsonObject().get("channel").getAsString())
                .isEqualTo(app.slack.channel("deploys").orElseThrow().id());
        assertThat(posts.get(0).param("attachments")).contains("#2EB67D");
    }

    @Test
    void aFailedForeignBuildIsAnnouncedOnceAndWhoStartedItPingsNobody() {
        Build build = foreignBuild("reports-staging");
        String body = eventAbout(build, UUID.randomUUID().toString())
                .replace("\"build-status\": \"SUCCEEDED\"", "\"build-status\": \"FAILED\"")
                .replace("\"build-status\":\"SUCCEEDED\"", "\"build-status\":\"FAILED\"")
                .replace("MyCodeBuildDemoUser", "<!channel> & co");

        assertThat(app.awsEvent(body, AlertsApp.EVENTS_TOKEN).statusCode()).isEqualTo(202);
        assertThat(app.awsEvent(body, AlertsApp.EVENTS_TOKEN).body()).startsWith("already seen: ");

        String news = "STAGING: Job reports-staging build #" + build.buildNumber() + " failed by &lt;!channel&gt; &amp; co.";
        app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.allText().contains(news), DeployDriver.WAIT);
        List<FakeSlack.Call> notices = postsContaining("reports-staging build #" + build.buildNumber() + " failed");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).param("attachments")).contains("#E01E5A").doesNotContain("<!channel>");
    }

    @Test
    void aProjectNoServiceBuildsWithIsIgnoredSayingSoAndAnEventWithoutItsBuildIsRefused() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> unknown = app.awsEvent(AwsVendorEvents.withId("codebuild-build-state-change.json", id),
                AlertsApp.EVENTS_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo("ignored: no service builds with the CodeBuild project my-sample-project");

        String noBuild = AwsVendorEvents.withId("codebuild-build-state-change.json", id)
                .replace("\"build-id\"", "\"build-ident\"").replace("my-sample-project", "reports-prod");
        HttpResponse<String> refused = app.awsEvent(noBuild, AlertsApp.EVENTS_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("a CodeBuild Build State Change without detail.build-id");

        // Neither took the id, and nothing was said about the example's build anywhere.
        assertThat(postsContaining("my-sample-project")).isEmpty();
        assertThat(app.awsEvent(eventAbout(foreignBuild("reports-staging"), id), AlertsApp.EVENTS_TOKEN).statusCode())
                .isEqualTo(202);
    }

    @Test
    void theEventSettlesFlightdecksOwnDeployNowAndALaterPollOrDeliveryAddsNothing() {
        String version = DeployDriver.newVersion();
        CodeBuildBackend real = app.bean(CodeBuildBackend.class);
        // The deploy's trigger is CodeBuildBackend's StartBuild on moto, as in production (the test apps' backend
        // is a fake that hands this version through). CodeBuild's IN_PROGRESS event can arrive before Flightdeck has
        // stored what StartBuild answered: here it arrives in between, while the deploy is still TRIGGERING.
        List<HttpResponse<String>> early = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.bean(FakeBuildBackend.class).startVersionThrough(version, (request, service) -> {
            var started = real.trigger((BuildBackendConfig.CodeBuild) service.buildFor(request.environment()),
                    BuildParameters.of(request));
            if (started instanceof dev.flightdeck.deploy.BuildTrigger.Started s) {
                early.add(app.awsEvent(inProgress(buildOf(s.url()), UUID.randomUUID().toString()), AlertsApp.EVENTS_TOKEN));
            }
            return started;
        });

        DeployDriver.Posted p = d.request("reports", version, "dev", DeployDriver.REQUESTER, "");
        DeployRequest running = d.awaitState(p.id(), DeployState.RUNNING);
        Build build = buildOf(running.buildUrl());
        assertThat(running.buildLabel()).isEqualTo("reports-dev build #" + build.buildNumber());
        assertThat(early).singleElement().satisfies(r -> assertThat(r.statusCode()).isEqualTo(202));

        // The poller is an hour away (poll-every 1h, the clock not moved): only the event can settle it now.
        HttpResponse<String> answer = app.awsEvent(eventAbout(build, UUID.randomUUID().toString()), AlertsApp.EVENTS_TOKEN);
        assertThat(answer.statusCode()).isEqualTo(202);
        d.awaitState(p.id(), DeployState.SUCCEEDED);
        String label = "reports-dev build #" + build.buildNumber() + " ";
        d.awaitThreadReply(p, "DEV: Job " + label + "succeeded");
        int told = postsContaining(label).size();
        assertThat(told).isPositive();

        // The poll that would have found it (moto says SUCCEEDED) finds nothing to do; a later delivery of the same
        // state is the deploy's build, not someone else's to announce.
        app.bean(BuildPoller.class).runDue();
        assertThat(app.awsEvent(eventAbout(build, UUID.randomUUID().toString()), AlertsApp.EVENTS_TOKEN).statusCode())
                .isEqualTo(202);
        assertThat(postsContaining(label)).hasSize(told);
        assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.SUCCEEDED);
        // Nor was the early IN_PROGRESS taken for someone else's build (that notice would name CodeBuild's initiator).
        assertThat(postsContaining(label + "started by MyCodeBuildDemoUser")).isEmpty();
    }

    /** The build a stored console page names. */
    static Build buildOf(String page) {
        String id = URLDecoder.decode(page.substring(page.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        return codeBuild.batchGetBuilds(b -> b.ids(id)).builds().get(0);
    }

    /** The example about {@code build} as CodeBuild sends it when the build starts (status, completion). */
    static String inProgress(Build build, String eventId) {
        return eventAbout(build, eventId).replace("\"build-status\":\"SUCCEEDED\"", "\"build-status\":\"IN_PROGRESS\"")
                .replace("\"build-complete\":true", "\"build-complete\":false");
    }
}
