package dev.flightdeck.build.github;

import dev.flightdeck.deploy.check.CiStatus;

/**
 * GitHub's words for CI on a commit, read into {@link CiStatus.State}: a check run's status and conclusion, and a
 * commit status's state. One table, so the gate and any later reader cannot disagree.
 */
public final class GithubCheckStates {

    private GithubCheckStates() {
    }

    /**
     * A check run: anything not completed (queued, in_progress, waiting, requested, pending) is still running; once
     * completed, success, neutral and skipped pass (GitHub's own branch protection counts them as passing), and every
     * other conclusion (failure, cancelled, timed_out, action_required, startup_failure, stale, or one GitHub adds
     * later) fails: a check that did not pass has not passed.
     */
    public static CiStatus.State checkRun(String status, String conclusion) {
        if (!"completed".equals(status)) {
            return CiStatus.State.RUNNING;
        }
        return switch (conclusion == null ? "" : conclusion) {
            case "success", "neutral", "skipped" -> CiStatus.State.PASSED;
            default -> CiStatus.State.FAILED;
        };
    }

    /** A commit status: success passes, pending runs, failure and error (and anything else) fail. */
    public static CiStatus.State status(String state) {
        return switch (state == null ? "" : state) {
            case "success" -> CiStatus.State.PASSED;
            case "pending" -> CiStatus.State.RUNNING;
            default -> CiStatus.State.FAILED;
        };
    }
}
