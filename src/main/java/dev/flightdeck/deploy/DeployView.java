package dev.flightdeck.deploy;

import java.util.List;

/** Everything the go/no-go message shows: the request, its checks and its approvals. */
public record DeployView(DeployRequest request, List<CheckResult> checks, List<Approval> approvals) {

    public DeployView {
        checks = List.copyOf(checks);
        approvals = List.copyOf(approvals);
    }

    public boolean blocked() {
        return checks.stream().anyMatch(CheckResult::blocking);
    }
}
