package dev.flightdeck.deploy.ships;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One commit as shown: its sha, the first line of its message, who wrote it (their login, or the name the commit
 * records), and the pull request that merged it, read from the message as GitHub writes it for a squash merge
 * ("Title (#12)") or a merge commit ("Merge pull request #12 from …").
 *
 * @param pr    the pull request's number, or 0 when the message names none
 * @param prUrl the pull request's web page, or null when its number or the repository's page is unknown
 * @param url   the commit's web page, or null
 */
public record ShippedCommit(String sha, String firstLine, String author, int pr, String prUrl, String url) {

    private static final Pattern SQUASHED = Pattern.compile("\\(#(\\d{1,9})\\)\\s*$");
    private static final Pattern MERGED = Pattern.compile("^Merge pull request #(\\d{1,9})\\b");

    public static ShippedCommit of(CodeHistory.Commit c, String repoWebUrl) {
        String message = c.message() == null ? "" : c.message().strip();
        int eol = message.indexOf('\n');
        String first = (eol < 0 ? message : message.substring(0, eol)).strip();
        int pr = pr(first);
        String author = c.login() != null && !c.login().isBlank() ? c.login()
                : c.name() != null && !c.name().isBlank() ? c.name() : "unknown";
        String prUrl = pr > 0 && repoWebUrl != null ? repoWebUrl + "/pull/" + pr : null;
        return new ShippedCommit(c.sha(), first, author, pr, prUrl, c.url());
    }

    static int pr(String firstLine) {
        Matcher m = SQUASHED.matcher(firstLine);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = MERGED.matcher(firstLine);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The first line without GitHub's " (#12)" suffix, for showing beside the linked pull request number. */
    public String title() {
        String suffix = "(#" + pr + ")";
        return pr > 0 && firstLine.endsWith(suffix) ? firstLine.substring(0, firstLine.length() - suffix.length()).strip()
                : firstLine;
    }

    /** The seven characters people quote. */
    public String shortSha() {
        return sha.length() <= 7 ? sha : sha.substring(0, 7);
    }
}
