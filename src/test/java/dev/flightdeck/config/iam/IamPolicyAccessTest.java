package dev.flightdeck.config.iam;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.config.CheckConfigCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-config --iam} with break-glass access: the Identity Center actions, scoped to the instance, the one
 * account and exactly the listed permission sets; the identity store's lookups to the one store. None without access.
 */
class IamPolicyAccessTest {

    static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
    static final String READ_ONLY = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-abcdef1234567890";
    static final String DBA = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";

    static String team(String access) {
        return """
                flightdeck:
                  environments:
                    prod: { channel: "#d", approvals: 0 }
                  services:
                    shop:
                      build: { codebuild: { project: "shop-{env}" } }
                  incidents:
                %s""".formatted(access.indent(4));
    }

    @Test
    void accessAddsTheAssignmentActionsScopedToTheListedPermissionSetsTheAccountAndTheStore(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("flightdeck.yml");
        Files.writeString(file, team("""
                access:
                  instance-arn: "%s"
                  identity-store-id: d-1234567890
                  account: "111122223333"
                  permission-sets: { ReadOnly: "%s", Dba: "%s" }
                  approvers: [U0LEAD]
                """.formatted(INSTANCE, READ_ONLY, DBA)));

        JsonObject policy = iam("--iam", "--region", "eu-west-1", "--account", "123456789012", file.toString());

        IamPolicyTest.assertValidIamGrammar(policy);
        assertThat(resourcesOf(policy, "sso:CreateAccountAssignment")).containsExactly(INSTANCE,
                "arn:aws:sso:::account/111122223333", READ_ONLY, DBA);
        assertThat(resourcesOf(policy, "sso:DeleteAccountAssignment")).containsExactly(INSTANCE,
                "arn:aws:sso:::account/111122223333", READ_ONLY, DBA);
        assertThat(resourcesOf(policy, "sso:DescribeAccountAssignmentCreationStatus")).containsExactly(INSTANCE);
        assertThat(resourcesOf(policy, "sso:DescribeAccountAssignmentDeletionStatus")).containsExactly(INSTANCE);
        assertThat(resourcesOf(policy, "identitystore:ListUsers")).containsExactly(
                "arn:aws:identitystore::123456789012:identitystore/d-1234567890", "arn:aws:identitystore:::user/*");
        assertThat(resourcesOf(policy, "identitystore:GetUserId")).isEqualTo(resourcesOf(policy, "identitystore:ListUsers"));
        assertThat(policy.toString()).doesNotContain("sso:*", "permissionSet/*");
    }

    @Test
    void withoutAccessThereIsNoIdentityCenterAction(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flightdeck.yml");
        Files.writeString(file, team("update-every: { sev1: 30m }"));

        JsonObject policy = iam("--iam", file.toString());

        assertThat(policy.toString()).doesNotContain("sso:", "identitystore:");
    }

    private static List<String> resourcesOf(JsonObject policy, String action) {
        List<String> out = new ArrayList<>();
        policy.getAsJsonArray("Statement").forEach(s -> {
            JsonObject st = s.getAsJsonObject();
            boolean has = false;
            for (var a : st.getAsJsonArray("Action")) {
                has |= a.getAsString().equals(action);
            }
            if (has) {
                st.getAsJsonArray("Resource").forEach(r -> out.add(r.getAsString()));
            }
        });
        return out;
    }

    private static JsonObject iam(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CheckConfigCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
