package dev.flightdeck.deploy;

import java.util.regex.Pattern;

/**
 * Which versions are branch names. A release version starts with a digit ({@code 5.11.2}) or with {@code v} and a
 * digit ({@code v1.2.3-rc.1}), or is a commit sha (7 to 40 hex digits); anything else ({@code main},
 * {@code feature/emails}, {@code fix-login}) is a branch, deployed only where the environment says
 * {@code versions: branches}, and passed to the build backend as the branch to build.
 */
public final class BranchVersions {

    private static final Pattern RELEASE = Pattern.compile("(?i)v?[0-9].*|[0-9a-f]{7,40}");

    private BranchVersions() {
    }

    public static boolean looksLikeBranch(String version) {
        return version != null && !RELEASE.matcher(version).matches();
    }

    /** The branch to build: the version, where the environment takes branches and the version is one. */
    public static java.util.Optional<String> branch(EnvironmentConfig env, String version) {
        return env.slots().branches() && looksLikeBranch(version) ? java.util.Optional.of(version)
                : java.util.Optional.empty();
    }
}
