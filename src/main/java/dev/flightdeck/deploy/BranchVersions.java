package dev.flightdeck.deploy;

import java.util.regex.Pattern;

/**
 * Which versions are branch names. A release version starts with a digit ({@code 5.11.2}) or with {@code v} and a
 * digit ({@code v1.2.3-rc.1}), or is a commit sha (7 to 40 hex digits); anything else ({@code main},
 * {@code feature/emails}, {@code fix-login}) is a branch where the environment says {@code versions: branches}, and
 * is passed to the build backend as the branch to build. Elsewhere only what is surely a branch is refused (a name
 * with a {@code /}, or main, master, develop, trunk): a release's tag may be any word ({@code very-first}).
 */
public final class BranchVersions {

    private static final Pattern RELEASE = Pattern.compile("(?i)v?[0-9].*|[0-9a-f]{7,40}");

    private BranchVersions() {
    }

    private static final java.util.Set<String> BRANCHES = java.util.Set.of("main", "master", "develop", "development",
            "trunk", "head");

    public static boolean looksLikeBranch(String version) {
        return version != null && !RELEASE.matcher(version).matches();
    }

    /** A branch by any reading: refused as a version where the environment takes release versions. */
    public static boolean surelyBranch(String version) {
        return version != null && (version.contains("/") || BRANCHES.contains(version.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The branch to build: the version, where the environment takes branches and the version is one. */
    public static java.util.Optional<String> branch(EnvironmentConfig env, String version) {
        return env.slots().branches() && looksLikeBranch(version) ? java.util.Optional.of(version)
                : java.util.Optional.empty();
    }
}
