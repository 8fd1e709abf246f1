package dev.flightdeck.build.circleci;

import dev.flightdeck.deploy.BuildPhase;

import java.util.List;
import java.util.Optional;

/**
 * CircleCI's words for a workflow ({@code success}, {@code running}, {@code not_run}, {@code failed}, {@code error},
 * {@code failing}, {@code on_hold}, {@code canceled}, {@code unauthorized}), read into a {@link BuildPhase}, and a
 * pipeline's verdict over its workflows. The webhook and the poll read through this one table, so they cannot
 * disagree.
 */
public final class CircleCiStatuses {

    private CircleCiStatuses() {
    }

    /**
     * One workflow; empty while it may still change. {@code failing} (a job failed, others still run) can only end
     * failed, so it is FAILED at once. {@code not_run} ended without starting: nothing was built, as when aborted.
     * CircleCI's one status field holds running and finished states alike, so a word we don't know decides nothing
     * until CircleCI says the workflow {@code stopped} (a workflow-completed delivery, or {@code stopped_at} set);
     * then it is a workflow that ended in a way we don't know, which is not a success: FAILED.
     */
    public static Optional<BuildPhase> workflow(String status, boolean stopped) {
        return switch (status == null ? "" : status) {
            case "success" -> Optional.of(BuildPhase.SUCCEEDED);
            case "failed", "error", "failing", "unauthorized" -> Optional.of(BuildPhase.FAILED);
            case "canceled", "not_run" -> Optional.of(BuildPhase.ABORTED);
            case "running", "on_hold" -> Optional.empty();
            default -> stopped ? Optional.of(BuildPhase.FAILED) : Optional.empty();
        };
    }

    /**
     * A pipeline from all its workflows: empty while any may still change (a green lint says nothing about deploy);
     * then the worst of them, failed before aborted before succeeded.
     */
    public static Optional<BuildPhase> pipeline(List<Optional<BuildPhase>> workflows) {
        if (workflows.isEmpty() || workflows.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<BuildPhase> phases = workflows.stream().map(Optional::get).toList();
        return Optional.of(phases.contains(BuildPhase.FAILED) ? BuildPhase.FAILED
                : phases.contains(BuildPhase.ABORTED) ? BuildPhase.ABORTED : BuildPhase.SUCCEEDED);
    }
}
