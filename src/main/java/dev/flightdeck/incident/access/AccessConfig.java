package dev.flightdeck.incident.access;

import dev.flightdeck.deploy.ApproverRef;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Break-glass access through IAM Identity Center, from the team file's {@code incidents.access}: the instance and
 * identity store, the one account granted into, the permission sets that may be granted (name as typed → ARN, in
 * file order), the longest grant, who grants, and whether the commander of a sev1 may grant.
 */
public record AccessConfig(String instanceArn,
                           String identityStoreId,
                           String account,
                           Map<String, String> permissionSets,
                           Duration maxDuration,
                           List<ApproverRef> approvers,
                           boolean commanderGrants) {

    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(4);

    public AccessConfig {
        permissionSets = Collections.unmodifiableMap(new LinkedHashMap<>(permissionSets));
        approvers = List.copyOf(approvers);
    }

    /** The ARN of a permission set by the name the team file gives it; names compare without case. */
    public Optional<String> permissionSetArn(String name) {
        return permissionSets.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }
}
