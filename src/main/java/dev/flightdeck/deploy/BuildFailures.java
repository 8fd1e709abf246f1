package dev.flightdeck.deploy;

/**
 * Reads why a build failed from its backend (port; each vendor's reader lives in the build package): the failing
 * stage, job or step, and the last {@link BuildFailure#LINES} lines of its log, unmasked —
 * {@link FailureExplanations} masks them before anything leaves the process. Never throws: a log that cannot be
 * read is a {@link BuildFailure.Unreadable} saying why.
 */
public interface BuildFailures {

    BuildFailure read(FailedBuild build);
}
