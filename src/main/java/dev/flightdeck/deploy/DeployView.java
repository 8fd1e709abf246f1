package dev.flightdeck.deploy;

import java.util.List;

/** Everything the go/no-go message shows: the request, its checks, its approvals and its checklist. */
public record DeployView(DeployRequest request, List<CheckResult> checks, List<Approval> approvals,
                         List<ChecklistItem> checklist) {

    public DeployView {
        checks = List.copyOf(checks);
        approvals = List.copyOf(approvals);
        checklist = List.copyOf(checklist);
    }

    /** A request without a checklist. */
    public DeployView(DeployRequest request, List<CheckResult> checks, List<Approval> approvals) {
        this(request, checks, approvals, List.of());
    }

    public boolean blocked() {
        return checks.stream().anyMatch(CheckResult::blocking);
    }
}
