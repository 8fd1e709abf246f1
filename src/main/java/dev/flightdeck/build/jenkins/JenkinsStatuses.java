package dev.flightdeck.build.jenkins;

import dev.flightdeck.deploy.BuildPhase;

import java.util.Locale;
import java.util.Optional;

/**
 * Jenkins' words for a build, read into a {@link BuildPhase}: the Notification plugin's phase ({@code QUEUED},
 * {@code STARTED}, {@code COMPLETED}, {@code FINALIZED}) and, once over, the build's result ({@code SUCCESS},
 * {@code UNSTABLE}, {@code FAILURE}, {@code NOT_BUILT}, {@code ABORTED}) as the webhook and the build's JSON API
 * both give it. The webhook and the poll read through this one table, so they cannot disagree.
 */
public final class JenkinsStatuses {

    private JenkinsStatuses() {
    }

    /** A Notification plugin delivery; empty for a phase that changes nothing (queued, or one we don't know). */
    public static Optional<BuildPhase> notification(String phase, String result) {
        return switch (upper(phase)) {
            case "STARTED" -> Optional.of(BuildPhase.STARTED);
            // The plugin sends both for one build; the second changes nothing (deploys and announcements absorb repeats).
            case "COMPLETED", "FINALIZED" -> Optional.of(result(result));
            default -> Optional.empty();
        };
    }

    /** The build's JSON API ({@code /api/json}): empty while {@code building}. */
    public static Optional<BuildPhase> build(boolean building, String result) {
        return building ? Optional.empty() : Optional.of(result(result));
    }

    /**
     * A finished build's result. UNSTABLE (tests failed) is not a deploy that worked; NOT_BUILT never ran, like an
     * aborted one. A result we don't know, on a build Jenkins says is over, is not a success either: FAILED.
     */
    public static BuildPhase result(String result) {
        return switch (upper(result)) {
            case "SUCCESS" -> BuildPhase.SUCCEEDED;
            case "ABORTED", "NOT_BUILT" -> BuildPhase.ABORTED;
            default -> BuildPhase.FAILED;
        };
    }

    private static String upper(String word) {
        return word == null ? "" : word.toUpperCase(Locale.ROOT);
    }
}
