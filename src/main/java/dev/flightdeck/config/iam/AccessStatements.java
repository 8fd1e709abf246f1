package dev.flightdeck.config.iam;

import dev.flightdeck.incident.access.AccessConfig;
import dev.flightdeck.team.TeamConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Break-glass access (incidents.access): IAM Identity Center's account assignments, scoped as the Service
 * Authorization Reference scopes them. CreateAccountAssignment and DeleteAccountAssignment are authorised against the
 * instance, the permission set and the target account together, so naming exactly the listed permission sets and the
 * one account is what keeps Flightdeck from granting anything else; following their status names the instance only.
 * Finding the requester's user reads the one identity store (ListUsers, GetUserId on its users).
 */
final class AccessStatements {

    private AccessStatements() {
    }

    /** {@code account}: the account Flightdeck runs in (which holds the identity store), or "*". */
    static List<IamPolicy.Statement> of(TeamConfig team, String account) {
        Optional<AccessConfig> access = team.incidents().access();
        if (access.isEmpty()) {
            return List.of();
        }
        AccessConfig a = access.get();
        String partition = a.instanceArn().split(":")[1];
        List<String> assign = new ArrayList<>();
        assign.add(a.instanceArn());
        assign.add("arn:" + partition + ":sso:::account/" + a.account());
        assign.addAll(a.permissionSets().values());
        List<IamPolicy.Statement> out = new ArrayList<>();
        out.add(new IamPolicy.Statement("BreakGlassAssignments",
                List.of("sso:CreateAccountAssignment", "sso:DeleteAccountAssignment"), List.copyOf(assign), Map.of()));
        out.add(new IamPolicy.Statement("BreakGlassAssignmentStatus",
                List.of("sso:DescribeAccountAssignmentCreationStatus", "sso:DescribeAccountAssignmentDeletionStatus"),
                List.of(a.instanceArn()), Map.of()));
        out.add(new IamPolicy.Statement("BreakGlassFindUser",
                List.of("identitystore:ListUsers", "identitystore:GetUserId"),
                List.of("arn:" + partition + ":identitystore::" + account + ":identitystore/" + a.identityStoreId(),
                        "arn:" + partition + ":identitystore:::user/*"), Map.of()));
        return out;
    }
}
