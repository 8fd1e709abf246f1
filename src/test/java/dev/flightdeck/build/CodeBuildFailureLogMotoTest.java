package dev.flightdeck.build;

import dev.flightdeck.build.codebuild.CodeBuildClients;
import dev.flightdeck.build.codebuild.CodeBuildFailureLog;
import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.testing.MotoServer;
import dev.flightdeck.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A CodeBuild build's log through the real SDK against moto_server: CloudWatch Logs GetLogEvents, from the end. */
class CodeBuildFailureLogMotoTest {

    static CodeBuildClients aws;
    static final String GROUP = "/aws/codebuild/reports-failures";

    @BeforeAll
    static void clients() {
        MotoServer moto = TestAws.moto();
        aws = new CodeBuildClients(new CodeBuildClients.Settings(Optional.of(moto.region().id()), Optional.of(moto.endpoint()),
                Optional.of("testing"), Optional.of("testing"), Duration.ofSeconds(20), Duration.ofSeconds(10), 3),
                List.<ExecutionInterceptor>of(new MotoTimestamps()));
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void theLastThirtyLinesOfTheBuildsStreamAreRead() {
        String stream = "run-" + System.nanoTime();
        aws.logs().createLogGroup(r -> r.logGroupName(GROUP + "-" + stream));
        aws.logs().createLogStream(r -> r.logGroupName(GROUP + "-" + stream).logStreamName(stream));
        long t = System.currentTimeMillis() - 60_000;
        List<InputLogEvent> events = IntStream.rangeClosed(1, 60).mapToObj(i -> InputLogEvent.builder()
                .timestamp(t + i).message("[Container] step " + i + "\n").build()).toList();
        aws.logs().putLogEvents(r -> r.logGroupName(GROUP + "-" + stream).logStreamName(stream).logEvents(events));

        BuildFailure read = new CodeBuildFailureLog(aws).stream(GROUP + "-" + stream, stream, "phase BUILD", "https://console/x");

        assertThat(read).isInstanceOf(BuildFailure.Report.class);
        BuildFailure.Report report = (BuildFailure.Report) read;
        assertThat(report.step()).isEqualTo("phase BUILD");
        assertThat(report.lines()).hasSize(30).startsWith("[Container] step 31").endsWith("[Container] step 60");
    }

    @Test
    void aMissingStreamOrABuildWithoutOneIsSaid() {
        BuildFailure missing = new CodeBuildFailureLog(aws).stream("/aws/codebuild/nothing", "none", null, "https://console/x");
        assertThat(missing).isEqualTo(new BuildFailure.Unreadable(
                "its CloudWatch Logs stream /aws/codebuild/nothing none does not exist", "https://console/x"));

        // moto's builds name no log group or stream (CodeBuild's do once the build has started logging).
        aws.get().createProject(p -> p.name("reports-failures")
                .source(s -> s.type(SourceType.S3).location("flightdeck-test-artifacts/reports.zip"))
                .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
                        .computeType(ComputeType.BUILD_GENERAL1_SMALL))
                .serviceRole("arn:aws:iam::123456789012:role/codebuild"));
        var build = aws.get().startBuild(r -> r.projectName("reports-failures")).build();
        String url = "https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/reports-failures/build/"
                + java.net.URLEncoder.encode(build.id(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(new CodeBuildFailureLog(aws).read(url)).isEqualTo(new BuildFailure.Unreadable(
                "CodeBuild names no CloudWatch Logs stream for this build", url));
    }
}
