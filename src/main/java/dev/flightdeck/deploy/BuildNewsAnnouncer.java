package dev.flightdeck.deploy;

import dev.flightdeck.team.ChannelRef;

/**
 * Tells the team about a build Flightdeck did not start (port; the chat adapter words it and posts it). Builds of a
 * deploy are told through {@link DeployAnnouncer#buildNews}, in the deploy's thread as well.
 */
public interface BuildNewsAnnouncer {

    void foreignBuild(ForeignBuild build);

    /** Why the failed build {@code build} announced failed, masked: told under its notice. */
    void foreignFailure(ForeignBuild build, BuildFailure why);

    /**
     * @param backend which backend reported it ({@code jenkins}, {@code circleci}, {@code github-actions}, {@code codebuild})
     * @param channel the channel of the environment the build is for
     * @param where   the environment, or for CI on a branch the branch, named first
     * @param label   the job and build number, e.g. {@code commons-prod-server build #196}
     * @param who     who started it, as the backend names them, or null
     * @param url     the build's page, or null
     */
    record ForeignBuild(String backend, ChannelRef channel, String where, BuildPhase phase, String label, String who,
                        String url) {
    }
}
