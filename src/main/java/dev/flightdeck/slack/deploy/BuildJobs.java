package dev.flightdeck.slack.deploy;

import dev.flightdeck.team.BuildBackendConfig;

/** The build job as people know it, named in the go/no-go message: "Jenkins job commons-prod-server". */
public final class BuildJobs {
    private BuildJobs() {
    }

    public static String describe(BuildBackendConfig build) {
        if (build instanceof BuildBackendConfig.Jenkins j) {
            return "Jenkins job " + j.job();
        }
        if (build instanceof BuildBackendConfig.CircleCi c) {
            return "CircleCI pipeline " + c.project();
        }
        if (build instanceof BuildBackendConfig.GithubActions g) {
            return "GitHub Actions " + g.repo() + " " + g.workflow() + " on " + g.ref();
        }
        if (build instanceof BuildBackendConfig.CodeBuild cb) {
            return "CodeBuild project " + cb.project();
        }
        return build.kind();
    }
}
