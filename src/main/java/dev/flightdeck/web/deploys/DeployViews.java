package dev.flightdeck.web.deploys;

import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.people.PersonNames;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;
import dev.flightdeck.web.PageTimes;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** What the deploy templates show, as text ready to print, people by name (see {@link NameBook}). */
public final class DeployViews {

    private DeployViews() {
    }

    public record Row(long id, String service, String environment, String version, String outcome, String requestedBy,
                      String requested, String took) {
    }

    public record ApprovalLine(String approver, String at) {
    }

    /** One check; {@code result} is "passed", "blocked" or "overridden", with who overrode it and why. */
    public record CheckLine(String name, String result, String text, String overriddenBy, String overrideReason) {
    }

    public record Page(long id, String service, String environment, String version, String outcome, String reason,
                       String requestedBy, String runner, String note, String rollbackOf, int approvalsRequired,
                       String requested, String started, String finished, String waited, String buildTook,
                       String buildLabel, String buildUrl, List<ApprovalLine> approvals, List<CheckLine> checks) {
    }

    public static Row row(DeployRequest r, NameBook names) {
        return new Row(r.id(), r.service(), r.environment(), r.version(), r.state().label(), names.of(r.requesterId()),
                PageTimes.time(r.requestedAt()), PageTimes.between(r.requestedAt(), r.finishedAt()));
    }

    /** The names one deploy's page shows: requester, runner, approvers, overriders and anyone its texts mention. */
    public static NameBook names(DeployRequest r, List<Approval> approvals, List<CheckResult> checks, PersonNames people) {
        List<String> ids = Stream.of(Stream.of(r.requesterId(), r.runnerId()), approvals.stream().map(Approval::approverId),
                checks.stream().map(CheckResult::overriddenBy)).flatMap(x -> x).filter(Objects::nonNull).toList();
        List<String> texts = Stream.concat(Stream.of(r.note(), r.stateReason()),
                checks.stream().flatMap(c -> Stream.of(c.text(), c.overrideReason()))).filter(Objects::nonNull).toList();
        return people.book(ids, texts);
    }

    public static Page page(DeployRequest r, List<Approval> approvals, List<CheckResult> checks, NameBook names) {
        return new Page(r.id(), r.service(), r.environment(), r.version(), r.state().label(),
                r.stateReason() == null ? "" : names.inText(r.stateReason()), names.of(r.requesterId()),
                names.of(r.runnerId()), r.note() == null ? "" : names.inText(r.note()),
                r.rollbackOf() == null ? "" : "#" + r.rollbackOf(),
                r.approvalsRequired(), PageTimes.time(r.requestedAt()), PageTimes.time(r.startedAt()),
                PageTimes.time(r.finishedAt()), PageTimes.between(r.requestedAt(), r.startedAt()),
                PageTimes.between(r.startedAt(), r.finishedAt()),
                r.buildLabel() == null ? "" : r.buildLabel(), Texts.safeUrl(r.buildUrl()),
                approvals.stream().map(a -> new ApprovalLine(names.of(a.approverId()), PageTimes.time(a.at()))).toList(),
                checks.stream().map(c -> check(c, names)).toList());
    }

    static CheckLine check(CheckResult c, NameBook names) {
        String result = c.overridden() ? "overridden" : c.blocked() ? "blocked" : c.holding() ? "waiting" : "passed";
        // Check texts are written as Slack mrkdwn (user text in them escaped once): shown here as the reader sees them.
        return new CheckLine(c.name(), result, names.inText(Mrkdwn.unescape(c.text())),
                c.overriddenBy() == null ? "" : names.of(c.overriddenBy()),
                c.overrideReason() == null ? "" : names.inText(c.overrideReason()));
    }
}
