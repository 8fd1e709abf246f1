package dev.flightdeck.deploy.ships;

import dev.flightdeck.team.RepoRef;

import java.util.List;

/**
 * A repository's history (port): the commits reachable from one version and not from another, as the code host
 * lists them. The adapter (GitHub's compare API) answers in these records; the words are chosen where they are shown.
 */
public interface CodeHistory {

    /**
     * The comparison of {@code base} with {@code head} (tags, branches or shas).
     *
     * @throws Unreadable when the code host cannot answer; the message says why in words a channel can read
     */
    Comparison compare(RepoRef repo, String base, String head) throws Unreadable;

    /**
     * @param aheadBy    commits in {@code head} and not in {@code base} (what ships)
     * @param behindBy   commits in {@code base} and not in {@code head} (what a rollback takes away)
     * @param commits    the first of those commits as the host lists them, oldest first (one page, up to 250)
     * @param repoWebUrl the repository's web page (from the host's own links), or null when it gave none
     * @param compareUrl the comparison's web page, or null
     */
    record Comparison(int aheadBy, int behindBy, List<Commit> commits, String repoWebUrl, String compareUrl) {
        public Comparison {
            commits = List.copyOf(commits);
        }
    }

    /**
     * @param login  the author's account on the host, or null when the commit's e-mail matches none
     * @param name   the author's name as the commit records it
     * @param url    the commit's web page, or null
     */
    record Commit(String sha, String message, String login, String name, String url) {
    }

    /** The host could not say; {@link #getMessage()} says why (never a credential). */
    class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }
}
