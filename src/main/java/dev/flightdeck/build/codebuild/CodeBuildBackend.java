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
            // A branch deploy builds the branch: CodeBuild's sourceVersion (the project's own source otherwise).
            Build build = clients.get().startBuild(r -> r.projectName(codeBuild.project())
                    .environmentVariablesOverride(variables).sourceVersion(params.branch().orElse(null))).build();
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
        return consoleUrl(build.arn() == null ? "" : build.arn(), build.projectName(), build.id());
    }

    /**
     * The console page of a build by its ARN ({@code arn:aws:codebuild:<region>:<account>:build/<project>:<uuid>}),
     * the same page {@link #trigger} stores for the builds it starts, so an event about one names it as the deploy does.
     */
    public static String consoleUrl(String buildArn) {
        String id = buildArn.contains(":build/") ? buildArn.substring(buildArn.indexOf(":build/") + 7) : buildArn;
        String project = id.contains(":") ? id.substring(0, id.indexOf(':')) : id;
        return consoleUrl(buildArn, project, id);
    }

    private static String consoleUrl(String arn, String project, String id) {
        String[] parts = arn.split(":");
        String region = parts.length > 3 && !parts[3].isBlank() ? parts[3] : "us-east-1";
        return "https://" + region + ".console.aws.amazon.com/codesuite/codebuild/projects/" + project
                + "/build/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /**
     * The number CodeBuild gave a build (what its label shows), by {@code BatchGetBuilds}; empty when CodeBuild does
     * not know the build. A fault of CodeBuild is thrown ({@link SdkException}), for the caller to try again later.
     */
    public Optional<Long> buildNumber(String buildArn) {
        String id = buildArn.contains(":build/") ? buildArn.substring(buildArn.indexOf(":build/") + 7) : buildArn;
        return clients.get().batchGetBuilds(b -> b.ids(id)).builds().stream().findFirst().map(Build::buildNumber);
    }

    static Optional<String> buildId(String url) {
        if (url == null || !url.contains("/build/")) {
            return Optional.empty();
        }
        return Optional.of(URLDecoder.decode(url.substring(url.lastIndexOf("/build/") + 7), StandardCharsets.UTF_8));
    }
}
