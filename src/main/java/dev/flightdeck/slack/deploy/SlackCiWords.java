package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.check.CiStatus;
import dev.flightdeck.deploy.check.CiWords;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ci gate's findings in mrkdwn. Check names are CI's text, escaped; each links to its run when GitHub gave an
 * http(s) link. The list is bounded so a finding fits the stored check text (2,000 characters) and the message.
 */
@Singleton
public class SlackCiWords implements CiWords {

    /** Names listed in full; the rest are counted. */
    static final int MAX_NAMED = 6;
    private static final int MAX_NAME = 80;

    @Override
    public String failing(String service, CiStatus.Report report, List<CiStatus.Run> failing) {
        return "CI failed on " + commit(report) + ": " + listed(failing, true);
    }

    @Override
    public String waiting(String service, CiStatus.Report report, List<CiStatus.Run> running) {
        return "waiting for CI: " + listed(running, false) + " on " + commit(report)
                + "; the build cannot start until it passes (checked every minute)";
    }

    @Override
    public String passed(String service, CiStatus.Report report) {
        int n = report.runs().size();
        return "CI passed on " + commit(report) + ": " + (n == 1 ? "its 1 check is" : "all " + n + " checks are") + " green";
    }

    @Override
    public String noneRan(String service, CiStatus.Report report) {
        return "no CI ran on " + commit(report) + " (no check runs or statuses on GitHub): nothing to wait for";
    }

    @Override
    public String unreadable(String service, String reason) {
        return "could not read CI status: " + Mrkdwn.escape(Texts.cut(reason, 300)) + " (checked again every minute)";
    }

    private static String commit(CiStatus.Report report) {
        return "`" + report.shortSha() + "`";
    }

    private static String listed(List<CiStatus.Run> runs, boolean detail) {
        String named = runs.stream().limit(MAX_NAMED).map(r -> run(r, detail)).collect(Collectors.joining(", "));
        int more = runs.size() - MAX_NAMED;
        return more > 0 ? named + " and " + more + " more" : named;
    }

    private static String run(CiStatus.Run r, boolean detail) {
        String name = Mrkdwn.escape(Texts.cut(r.name(), MAX_NAME));
        String url = Texts.safeUrl(r.url());
        // A link's own | or > would end it early; such a URL is shown as text instead.
        String shown = url == null || url.contains("|") || url.contains(">") || url.length() > 200 ? "*" + name + "*"
                : "<" + url + "|" + name + ">";
        return detail && r.detail() != null ? shown + " (" + Mrkdwn.escape(Texts.cut(r.detail(), 30)) + ")" : shown;
    }
}
