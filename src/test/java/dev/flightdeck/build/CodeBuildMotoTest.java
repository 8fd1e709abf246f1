package dev.flightdeck.build;

import dev.flightdeck.build.codebuild.CodeBuildBackend;
import dev.flightdeck.build.codebuild.CodeBuildClients;
import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.BuildTrigger;
import dev.flightdeck.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** CodeBuild through the real SDK against moto_server: StartBuild with the deploy's variables, status by BatchGetBuilds. */
class CodeBuildMotoTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();
    static CodeBuildClients aws;
    /** What the SDK sent (moto does not keep environment variable overrides, so read them off the request). */
    static final List<StartBuildRequest> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void clients() {
        aws = new CodeBuildClients(new CodeBuildClients.Settings(Optional.of(moto.region().id()), Optional.of(moto.endpoint()),
                Optional.of("testing"), Optional.of("testing"), Duration.ofSeconds(20), Duration.ofSeconds(10), 3),
                List.<ExecutionInterceptor>of(new MotoTimestamps(),
                new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof StartBuildRequest start) {
                            sent.add(start);
                        }
                    }
                }));
        aws.get().createProject(p -> p.name("reports-prod")
                .source(s -> s.type(SourceType.S3).location("flightdeck-test-artifacts/reports.zip"))
                .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
                        .computeType(ComputeType.BUILD_GENERAL1_SMALL))
                .serviceRole("arn:aws:iam::123456789012:role/codebuild"));
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void startsTheProjectsBuildWithTheDeploysVariablesAndReadsItsStatus() {
        CodeBuildBackend backend = new CodeBuildBackend(aws);
        var params = new BuildParameters("reports", "prod", "1.9.0", "U0MICHAEL1", 51);

        BuildTrigger result = backend.trigger(new BuildBackendConfig.CodeBuild("reports-{env}").forEnv("prod"), params);

        assertThat(result).isInstanceOf(BuildTrigger.Started.class);
        var started = (BuildTrigger.Started) result;
        assertThat(started.label()).matches("reports-prod build #[0-9]+");
        assertThat(started.url()).startsWith("https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/reports-prod/build/reports-prod");
        assertThat(aws.get().listBuildsForProject(r -> r.projectName("reports-prod")).ids()).hasSize(1);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).environmentVariablesOverride()).extracting(v -> v.name() + "=" + v.value())
                .contains("FLIGHTDECK_SERVICE=reports", "FLIGHTDECK_ENVIRONMENT=prod", "FLIGHTDECK_VERSION=1.9.0",
                        "FLIGHTDECK_DEPLOY_ID=51");

        // moto reports its builds finished successfully at once: the poll reads that back for this deploy.
        var request = BuildStatusReadersTest.running(51, started.label(), started.url());
        var status = backend.status(request, new BuildBackendConfig.CodeBuild("reports-prod"));
        assertThat(status).map(BuildEvent::phase).contains(BuildPhase.SUCCEEDED);
        assertThat(status).flatMap(BuildEvent::deployId).contains(51L);
    }

    @Test
    void aMissingProjectIsNamed() {
        var result = new CodeBuildBackend(aws).trigger(new BuildBackendConfig.CodeBuild("nope-prod"),
                new BuildParameters("reports", "prod", "1.9.0", "U1", 52));
        assertThat(result).isEqualTo(new BuildTrigger.Failed("CodeBuild has no project nope-prod"));
    }
}
