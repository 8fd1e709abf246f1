package dev.flightdeck.deploy;

import java.util.List;

/**
 * Someone who is not an approver but may still let a request through the checks blocking it (the holder of a shared
 * slot, for the slot check alone). Asked only when the approval policy refuses the override.
 */
public interface OverrideGrant {

    boolean lets(DeployRequest request, String userId, List<CheckResult> blocking);
}
