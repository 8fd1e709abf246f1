package dev.flightdeck.build;

import dev.flightdeck.build.circleci.CircleFailureLog;
import dev.flightdeck.build.codebuild.CodeBuildFailureLog;
import dev.flightdeck.build.github.ActionsFailureLog;
import dev.flightdeck.build.jenkins.JenkinsFailureLog;
import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.deploy.BuildFailures;
import dev.flightdeck.deploy.FailedBuild;
import dev.flightdeck.team.BuildBackendConfig;
import jakarta.inject.Singleton;

/** The {@link BuildFailures} port: each backend's reader of a failed build's step and log. */
@Singleton
public class BuildFailureReader implements BuildFailures {

    private final JenkinsFailureLog jenkins;
    private final ActionsFailureLog github;
    private final CircleFailureLog circleci;
    private final CodeBuildFailureLog codeBuild;

    public BuildFailureReader(JenkinsFailureLog jenkins, ActionsFailureLog github, CircleFailureLog circleci,
                              CodeBuildFailureLog codeBuild) {
        this.jenkins = jenkins;
        this.github = github;
        this.circleci = circleci;
        this.codeBuild = codeBuild;
    }

    @Override
    public BuildFailure read(FailedBuild build) {
        BuildBackendConfig backend = build.backend();
        try {
            if (backend instanceof BuildBackendConfig.Jenkins j) {
                return jenkins.read(j, build.url());
            }
            if (backend instanceof BuildBackendConfig.GithubActions g) {
                return github.read(g, build.url());
            }
            if (backend instanceof BuildBackendConfig.CircleCi c) {
                return circleci.read(c, build.label(), build.url());
            }
            if (backend instanceof BuildBackendConfig.CodeBuild) {
                return codeBuild.read(build.url());
            }
            return new BuildFailure.Unreadable(backend.kind() + " logs are not read by this version of Flightdeck", build.url());
        } catch (BuildHttp.BuildCallFailed e) {
            return new BuildFailure.Unreadable(e.getMessage(), build.url());
        }
    }
}
