package dev.flightdeck.build.codebuild;

import dev.flightdeck.deploy.BuildPhase;

import java.util.Optional;

/**
 * CodeBuild's words for a build ({@code buildStatus}: {@code SUCCEEDED}, {@code FAILED}, {@code FAULT},
 * {@code TIMED_OUT}, {@code IN_PROGRESS}, {@code STOPPED}), read into a {@link BuildPhase}. CodeBuild sends no
 * webhook here, so only the poll reads it; the table is kept apart all the same, like every backend's.
 */
public final class CodeBuildStatuses {

    private CodeBuildStatuses() {
    }

    /**
     * Empty while the build runs. A status we don't know (the SDK reads a new one as
     * {@code UNKNOWN_TO_SDK_VERSION}) decides nothing until CodeBuild says the build is {@code complete}; then it is
     * a build that ended in a way we don't know, which is not a success: FAILED.
     */
    public static Optional<BuildPhase> build(String status, boolean complete) {
        return switch (status == null ? "" : status) {
            case "SUCCEEDED" -> Optional.of(BuildPhase.SUCCEEDED);
            case "FAILED", "FAULT", "TIMED_OUT" -> Optional.of(BuildPhase.FAILED);
            case "STOPPED" -> Optional.of(BuildPhase.ABORTED);
            case "IN_PROGRESS" -> Optional.empty();
            default -> complete ? Optional.of(BuildPhase.FAILED) : Optional.empty();
        };
    }
}
