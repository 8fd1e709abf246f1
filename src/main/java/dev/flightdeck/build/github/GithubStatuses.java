package dev.flightdeck.build.github;

import dev.flightdeck.deploy.BuildPhase;

import java.util.Optional;

/**
 * GitHub's words for a workflow run, read into a {@link BuildPhase}: the {@code workflow_run} webhook's action, the
 * REST API's run status ({@code requested}, {@code queued}, {@code pending}, {@code waiting}, {@code in_progress},
 * {@code completed}) and, once completed, the run's conclusion. The webhook and the poll read through this one
 * table, so they cannot disagree.
 */
public final class GithubStatuses {

    private GithubStatuses() {
    }

    /** A {@code workflow_run} delivery: requested is the start, completed carries the conclusion, in_progress nothing new. */
    public static Optional<BuildPhase> action(String action, String conclusion) {
        return switch (action == null ? "" : action) {
            case "requested" -> Optional.of(BuildPhase.STARTED);
            case "completed" -> Optional.of(conclusion(conclusion));
            default -> Optional.empty();
        };
    }

    /** A run read from the REST API: empty until it is completed (the start is already known to whoever asks). */
    public static Optional<BuildPhase> run(String status, String conclusion) {
        return "completed".equals(status) ? Optional.of(conclusion(conclusion)) : Optional.empty();
    }

    /**
     * A completed run's conclusion. Skipped never ran, like a cancelled one. Everything else that is not a success
     * is FAILED: a deploy whose run ended neutral, stale, timed out, waiting for an action or failing to start did
     * not deploy, and a conclusion GitHub adds later (or none) on a run it calls completed is a build that ended in
     * a way we don't know, which is not a success either. Saying "failed" frees the lock and makes people look.
     */
    public static BuildPhase conclusion(String conclusion) {
        return switch (conclusion == null ? "" : conclusion) {
            case "success" -> BuildPhase.SUCCEEDED;
            case "cancelled", "skipped" -> BuildPhase.ABORTED;
            default -> BuildPhase.FAILED;
        };
    }
}
