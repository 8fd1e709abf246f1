package dev.flightdeck.build.codebuild;

import dev.flightdeck.build.BuildEvent;
import dev.flightdeck.build.BuildParameters;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.deploy.BuildTrigger;
import dev.flightdeck.deploy.DeployRequest;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * AWS CodeBuild: {@code StartBuild} with the deploy's parameters as environment variable overrides
 * ({@code FLIGHTDECK_SERVICE}, …); status by {@code BatchGetBuilds}, polled, since CodeBuild sends no webhook here.
 */
@Singleton
public class CodeBuildBackend {

    private final CodeBuildClients clients;

    public CodeBuildBackend(CodeBuildClients clients) {
        this.clients = clients;
    }

    public BuildTrigger trigger(BuildBackendConfig.CodeBuild codeBuild, BuildParameters params) {
        List<EnvironmentVariable> variables = params.upperCase().entrySet().stream()
                .map(e -> EnvironmentVariable.builder().name("FLIGHTDECK_" + e.getKey()).value(e.getValue())
                        .type(EnvironmentVariableType.PLAINTEXT).build())
                .toList();
        try {
            Build build = clients.get().startBuild(r -> r.projectName(codeBuild.project())
                    .environmentVariablesOverride(variables)).build();
            return new BuildTrigger.Started(codeBuild.project() + " build #" + build.buildNumber(), consoleUrl(build));
        } catch (ResourceNotFoundException e) {
            return new BuildTrigger.Failed("CodeBuild has no project " + codeBuild.project());
        } catch (SdkException e) {
            return new BuildTrigger.Failed("CodeBuild refused StartBuild for " + codeBuild.project() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Empty while the build runs, or when its id can't be read from the stored URL. */
    public Optional<BuildEvent> status(DeployRequest r, BuildBackendConfig.CodeBuild codeBuild) {
        Optional<String> id = buildId(r.buildUrl());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<Build> builds = clients.get().batchGetBuilds(b -> b.ids(id.get())).builds();
        if (builds.isEmpty()) {
            return Optional.empty();
        }
        Build build = builds.get(0);
        return CodeBuildStatuses.build(build.buildStatusAsString(), Boolean.TRUE.equals(build.buildComplete()))
                .map(phase -> new BuildEvent("codebuild", codeBuild.project(), r.buildLabel(), phase, r.buildUrl(), null,
                        Optional.of(r.id()), null));
    }

    /** The console page of the build; its last segment is the build id, which the poller reads back. */
    static String consoleUrl(Build build) {
        String region = build.arn() != null && build.arn().split(":").length > 3 ? build.arn().split(":")[3] : "us-east-1";
        return "https://" + region + ".console.aws.amazon.com/codesuite/codebuild/projects/" + build.projectName()
                + "/build/" + URLEncoder.encode(build.id(), StandardCharsets.UTF_8);
    }

    static Optional<String> buildId(String url) {
        if (url == null || !url.contains("/build/")) {
            return Optional.empty();
        }
        return Optional.of(URLDecoder.decode(url.substring(url.lastIndexOf("/build/") + 7), StandardCharsets.UTF_8));
    }
}
