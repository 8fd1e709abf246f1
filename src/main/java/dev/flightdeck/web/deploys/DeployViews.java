package dev.flightdeck.web.deploys;

import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.web.Texts;

import java.util.List;

/** What the deploy templates show, as text ready to print. */
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

    public static Row row(DeployRequest r) {
        return new Row(r.id(), r.service(), r.environment(), r.version(), r.state().label(), r.requesterId(),
                Texts.time(r.requestedAt()), Texts.between(r.requestedAt(), r.finishedAt()));
    }

    public static Page page(DeployRequest r, List<Approval> approvals, List<CheckResult> checks) {
        return new Page(r.id(), r.service(), r.environment(), r.version(), r.state().label(),
                r.stateReason() == null ? "" : r.stateReason(), r.requesterId(), r.runnerId(),
                r.note() == null ? "" : r.note(), r.rollbackOf() == null ? "" : "#" + r.rollbackOf(),
                r.approvalsRequired(), Texts.time(r.requestedAt()), Texts.time(r.startedAt()),
                Texts.time(r.finishedAt()), Texts.between(r.requestedAt(), r.startedAt()),
                Texts.between(r.startedAt(), r.finishedAt()),
                r.buildLabel() == null ? "" : r.buildLabel(), Texts.safeUrl(r.buildUrl()),
                approvals.stream().map(a -> new ApprovalLine(a.approverId(), Texts.time(a.at()))).toList(),
                checks.stream().map(DeployViews::check).toList());
    }

    private static CheckLine check(CheckResult c) {
        String result = c.overridden() ? "overridden" : c.blocked() ? "blocked" : "passed";
        // Check texts are written as Slack mrkdwn (user text in them escaped once): shown here as the reader sees them.
        return new CheckLine(c.name(), result, Mrkdwn.unescape(c.text()), c.overriddenBy() == null ? "" : c.overriddenBy(),
                c.overrideReason() == null ? "" : c.overrideReason());
    }
}
