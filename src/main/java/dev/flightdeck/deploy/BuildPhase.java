package dev.flightdeck.deploy;

import java.util.Locale;

/**
 * Where a build is, whoever reports it: every backend's own status words (webhook or poll) are read into this one
 * enum by that backend's status table, and a deploy's build events and build news are told in it.
 */
public enum BuildPhase {
    STARTED, SUCCEEDED, FAILED, ABORTED;

    /** Whether the build is over: every phase but {@link #STARTED}. */
    public boolean finished() {
        return this != STARTED;
    }

    /** The phase as the team's convention words it: {@code started}, {@code succeeded}, {@code failed}, {@code aborted}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
