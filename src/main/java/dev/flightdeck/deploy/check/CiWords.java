package dev.flightdeck.deploy.check;

import java.util.List;

/**
 * The ci gate's findings in the words the team reads: the names of checks come from CI (foreign text) and carry links,
 * so the Slack feature writes them (escaping, links) and the gate hands over only the facts.
 */
public interface CiWords {

    /** Blocks: the failing runs, each named with its link. */
    String failing(String service, CiStatus.Report report, List<CiStatus.Run> failing);

    /** Waits: "waiting for CI: <names>". */
    String waiting(String service, CiStatus.Report report, List<CiStatus.Run> running);

    /** Passes: every run green. */
    String passed(String service, CiStatus.Report report);

    /** Passes: no check run and no status at all on the commit. */
    String noneRan(String service, CiStatus.Report report);

    /** Blocks (and is re-checked): GitHub could not be read. */
    String unreadable(String service, String reason);
}
