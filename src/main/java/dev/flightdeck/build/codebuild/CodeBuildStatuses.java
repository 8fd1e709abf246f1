package dev.flightdeck.build.codebuild;

import dev.flightdeck.deploy.BuildPhase;

import java.util.Optional;

/**
 * CodeBuild's words for a build ({@code buildStatus}: {@code SUCCEEDED}, {@code FAILED}, {@code FAULT},
 * {@code TIMED_OUT}, {@code IN_PROGRESS}, {@code STOPPED}), read into a {@link BuildPhase}: one table for the poll
 * ({@code BatchGetBuilds}) and for CodeBuild's own "CodeBuild Build State Change" events alike.
 */
public final class CodeBuildStatuses {

    private CodeBuildStatuses() {
    }

    /**
     * The phase a status says, {@code IN_PROGRESS} being a build under way ({@link BuildPhase#STARTED}). A status we
     * don't know (the SDK reads a new one as {@code UNKNOWN_TO_SDK_VERSION}) decides nothing until CodeBuild says the
     * build is {@code complete}; then it is a build that ended in a way we don't know, which is not a success: FAILED.
     */
    public static Optional<BuildPhase> phase(String status, boolean complete) {
        return switch (status == null ? "" : status) {
            case "SUCCEEDED" -> Optional.of(BuildPhase.SUCCEEDED);
            case "FAILED", "FAULT", "TIMED_OUT" -> Optional.of(BuildPhase.FAILED);
            case "STOPPED" -> Optional.of(BuildPhase.ABORTED);
            case "IN_PROGRESS" -> Optional.of(BuildPhase.STARTED);
            default -> complete ? Optional.of(BuildPhase.FAILED) : Optional.empty();
        };
    }

    /** What a poll decides: the build's end, empty while it runs (the deploy is RUNNING already). */
    public static Optional<BuildPhase> build(String status, boolean complete) {
        return phase(status, complete).filter(BuildPhase::finished);
    }
}
