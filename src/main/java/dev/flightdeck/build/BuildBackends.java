package dev.flightdeck.build;

import dev.flightdeck.build.circleci.CircleCiBackend;
import dev.flightdeck.build.codebuild.CodeBuildBackend;
import dev.flightdeck.build.github.GithubActionsBackend;
import dev.flightdeck.build.jenkins.JenkinsBackend;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.BranchVersions;
import dev.flightdeck.deploy.BuildBackend;
import dev.flightdeck.deploy.BuildTrigger;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.UnconfiguredBuildBackend;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

/** The {@link BuildBackend} port: each service's backend from its team config, with {env} filled in. */
@Singleton
@Replaces(UnconfiguredBuildBackend.class)
public class BuildBackends implements BuildBackend {

    private final JenkinsBackend jenkins;
    private final CircleCiBackend circleci;
    private final GithubActionsBackend github;
    private final CodeBuildBackend codeBuild;
    private final TeamConfig team;

    public BuildBackends(JenkinsBackend jenkins, CircleCiBackend circleci, GithubActionsBackend github,
                         CodeBuildBackend codeBuild) {
        this(jenkins, circleci, github, codeBuild, TeamConfig.empty());
    }

    /** {@code team}: which environments take branch names as versions ({@code versions: branches}). */
    @jakarta.inject.Inject
    public BuildBackends(JenkinsBackend jenkins, CircleCiBackend circleci, GithubActionsBackend github,
                         CodeBuildBackend codeBuild, TeamConfig team) {
        this.team = team;
        this.codeBuild = codeBuild;
        this.jenkins = jenkins;
        this.circleci = circleci;
        this.github = github;
    }

    @Override
    public BuildTrigger trigger(DeployRequest request, ServiceConfig service) {
        BuildBackendConfig backend = service.buildFor(request.environment());
        BuildParameters params = BuildParameters.of(request, team.environment(request.environment())
                .flatMap(env -> BranchVersions.branch(env, request.version())));
        try {
            if (backend instanceof BuildBackendConfig.Jenkins j) {
                return jenkins.trigger(j, params);
            }
            if (backend instanceof BuildBackendConfig.CircleCi c) {
                return circleci.trigger(c, params);
            }
            if (backend instanceof BuildBackendConfig.GithubActions g) {
                return github.trigger(g, params);
            }
            if (backend instanceof BuildBackendConfig.CodeBuild cb) {
                return codeBuild.trigger(cb, params);
            }
            return new BuildTrigger.Failed(backend.kind() + " builds are not supported by this version of Flightdeck");
        } catch (BuildHttp.BuildCallFailed e) {
            return new BuildTrigger.Failed(e.getMessage());
        }
    }
}
