package dev.flightdeck.deploy.check;

import dev.flightdeck.team.RepoRef;

import java.util.List;

/**
 * What CI says about a version's commit (port; GitHub's check runs and commit statuses behind it). The adapter reads
 * every run and status of the commit and says for each whether it passed, is still running, or failed.
 */
public interface CiStatus {

    /**
     * The commit the version names (a tag, branch or sha; a tag with a leading {@code v} when the version has none)
     * and every check run and status on it.
     *
     * @throws Unreadable when GitHub could not be read; the message says why, in words a channel can read
     */
    Report read(RepoRef repo, String version) throws Unreadable;

    /** @param sha the full commit sha the version resolved to */
    record Report(String sha, List<Run> runs) {
        public Report {
            runs = List.copyOf(runs);
        }

        public String shortSha() {
            return sha.length() > 7 ? sha.substring(0, 7) : sha;
        }
    }

    /**
     * One check run or commit status.
     *
     * @param name   the check run's name or the status's context, as GitHub has it
     * @param detail GitHub's word for where it stands (failure, timed_out, in_progress, pending, …)
     * @param url    where to read it (the run's page, the status's target URL); may be null
     */
    record Run(String name, State state, String detail, String url) {
    }

    enum State { PASSED, RUNNING, FAILED }

    class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason);
        }
    }
}
