package dev.flightdeck.build;

import dev.flightdeck.deploy.BuildNews;
import dev.flightdeck.deploy.BuildPhase;

import java.util.Optional;

/**
 * A build's status as a backend reported it (webhook or poll), before it is matched to a deploy.
 *
 * @param backend  jenkins, circleci, github-actions or codebuild
 * @param job      the job, project or workflow as the backend names it ({@code commons-prod-server})
 * @param label    how Flightdeck names this build, the same text its trigger stored ({@code commons-prod-server build #196})
 * @param who      who started it, as the backend says, or null
 * @param deployId the Flightdeck deploy it belongs to, when the backend echoes it
 */
public record BuildEvent(String backend, String job, String label, BuildPhase phase, String url, String who,
                         Optional<Long> deployId, String branch) {

    public BuildEvent withPhase(BuildPhase decided) {
        return new BuildEvent(backend, job, label, decided, url, who, deployId, branch);
    }

    /** The job as its vendor names it, for answers and logs: {@code CircleCI project github/acme/billing}. */
    public String describeJob() {
        return switch (backend) {
            case "jenkins" -> "Jenkins job " + job;
            case "circleci" -> "CircleCI project " + job;
            case "github-actions" -> "GitHub workflow " + job;
            case "codebuild" -> "CodeBuild project " + job;
            default -> backend + " job " + job;
        };
    }

    /** The same build under the name the team file gives its job, so it matches what the trigger stored. */
    public BuildEvent named(String configuredJob, String configuredLabel) {
        return new BuildEvent(backend, configuredJob, configuredLabel, phase, url, who, deployId, branch);
    }

    /** This build's news in the team's convention, {@code where} (environment or branch) named first. */
    public BuildNews news(String where) {
        return BuildNews.of(phase, where, label, who, url);
    }
}
