package dev.flightdeck.deploy;

import java.util.Objects;
import java.util.Optional;

/**
 * Build states a backend pushes as events of its own rather than as a webhook Flightdeck subscribes to (port; the
 * build adapter takes them): CodeBuild's "CodeBuild Build State Change", which EventBridge delivers to the AWS events
 * route. A build Flightdeck started settles its deploy through the same transitions as the poll (so a later poll
 * changes nothing); any other build of a service in the team file is announced as other foreign builds are, once.
 */
public interface BuildReports {

    /**
     * One CodeBuild build state, as the event gives it.
     *
     * @param project   the CodeBuild project ({@code detail.project-name})
     * @param buildArn  the build's ARN ({@code detail.build-id}:
     *                  {@code arn:aws:codebuild:<region>:<account>:build/<project>:<uuid>})
     * @param status    CodeBuild's own word ({@code detail.build-status}), read through the backend's status table
     * @param complete  {@code additional-information.build-complete}
     * @param number    {@code additional-information.build-number}, when the event carries it
     * @param initiator who started the build, as CodeBuild names them (a user, a role session, codepipeline/…), or ""
     */
    record CodeBuildReport(String project, String buildArn, String status, boolean complete, Optional<Long> number,
                           String initiator) {
        public CodeBuildReport {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(buildArn, "buildArn");
            status = status == null ? "" : status;
            initiator = initiator == null ? "" : initiator;
            number = number == null ? Optional.empty() : number;
        }
    }

    /** What a report did: {@code Taken} moved a deploy or announced a build (or found it done already). */
    sealed interface Outcome {
        String text();

        record Taken(String text) implements Outcome {
        }

        record Ignored(String text) implements Outcome {
        }
    }

    /** Whether some service of the team file builds with this CodeBuild project, in any environment. */
    boolean buildsWithCodeBuild(String project);

    /**
     * Takes the report. A fault of the backend while reading what the event left out (the build's number) is thrown,
     * so the delivery fails and is retried.
     */
    Outcome codeBuild(CodeBuildReport report);
}
