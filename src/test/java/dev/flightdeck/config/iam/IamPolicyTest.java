package dev.flightdeck.config.iam;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.flightdeck.config.CheckConfigCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check-config --iam}: the policy for the example team file, checked against IAM's grammar and the file. */
class IamPolicyTest {

    @Test
    void theExampleFilesPolicyNamesExactlyItsPathsSecretsAlarmsAndProjects() {
        JsonObject policy = iam("--iam", "--region", "eu-west-1", "--account", "123456789012", "flightdeck.example.yml");

        assertValidIamGrammar(policy);
        List<String> resources = new ArrayList<>();
        policy.getAsJsonArray("Statement").forEach(s -> s.getAsJsonObject().getAsJsonArray("Resource")
                .forEach(r -> resources.add(r.getAsString())));
        for (String env : List.of("dev", "staging", "prod")) {
            assertThat(resources).contains(
                    "arn:aws:ssm:eu-west-1:123456789012:parameter/commons/" + env + "/*",
                    "arn:aws:secretsmanager:eu-west-1:123456789012:secret:commons/" + env + "-??????",
                    "arn:aws:codebuild:eu-west-1:123456789012:project/reports-" + env);
        }
        // The alarms' graphs: GetMetricWidgetImage has no resource-level permission.
        assertThat(resourcesOf(policy, "cloudwatch:GetMetricWidgetImage")).containsExactly("*");
        // Nothing outside the team's paths is readable: no wildcard SSM or Secrets Manager resource.
        assertThat(resources).noneMatch(r -> r.matches("arn:aws:(ssm|secretsmanager):[^:]*:[^:]*:(parameter|secret):?\\*?"));
        assertThat(resources.stream().filter(r -> r.startsWith("arn:aws:ssm:")))
                .allMatch(r -> r.contains(":parameter/commons/"));
    }

    @Test
    void regionAndAccountDefaultToWildcardsAndBadValuesAreUsageErrors() {
        JsonObject policy = iam("--iam", "flightdeck.example.yml");
        assertValidIamGrammar(policy);
        assertThat(policy.toString()).contains("arn:aws:ssm:*:*:parameter/commons/prod/*");

        var err = new ByteArrayOutputStream();
        int code = CheckConfigCommand.run(List.of("check-config", "--iam", "--region", "Mars", "flightdeck.example.yml"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--region needs a value like eu-west-1");
    }

    @Test
    void aTeamThatReadsNothingFromAwsNeedsNoPolicy() throws Exception {
        Path file = Files.createTempFile("team", ".yml");
        Files.writeString(file, "flightdeck:\n  environments:\n    dev:\n      channel: \"#dev\"\n      approvals: 0\n");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CheckConfigCommand.run(List.of("--iam", file.toString()), new PrintStream(out), new PrintStream(err));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs no IAM permissions");
    }

    @Test
    void theDocumentedPolicyIsTheOneGeneratedForTheExampleFile() throws Exception {
        JsonObject generated = iam("--iam", "flightdeck.example.yml");
        JsonObject documented = JsonParser.parseString(Files.readString(Path.of("docs/iam-policy.json"))).getAsJsonObject();
        assertThat(documented).as("docs/iam-policy.json is stale: regenerate it with check-config --iam flightdeck.example.yml")
                .isEqualTo(generated);
    }

    static final Set<String> WRITE_ACTIONS = Set.of("ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameterHistory",
            "secretsmanager:PutSecretValue", "secretsmanager:ListSecretVersionIds", "kms:Encrypt", "kms:GenerateDataKey");

    static final String TWO_SERVICES = """
            flightdeck:
              environments:
                dev:
                  channel: "#dev"
                  approvals: 0
                prod:
                  channel: "#prod"
                  approvals: 1
                  approvers: ["@release-managers"]
              services:
                mail:
                  build:
                    codebuild: { project: "mail-{env}" }
                  config:
                    ssm-path: "/mail/{env}/"
                    secrets: ["mail/{env}"]
                    changes: true
            KMS
                reader:
                  build:
                    codebuild: { project: "reader-{env}" }
                  config:
                    ssm-path: "/reader/{env}/"
                    secrets: ["reader/{env}"]
            """;

    @Test
    void onlyAServiceThatAllowsChangesMayWriteAndOnlyItsOwnPathsSecretsAndKeys() throws Exception {
        JsonObject policy = iam("--iam", "--region", "eu-west-1", "--account", "123456789012",
                teamFile(TWO_SERVICES.replace("KMS\n", "        kms-key: \"alias/mail-{env}\"\n")));

        assertValidIamGrammar(policy);
        String arn = "arn:aws:%s:eu-west-1:123456789012:%s";
        assertThat(resourcesOf(policy, "ssm:PutParameter")).containsExactly(
                arn.formatted("ssm", "parameter/mail/dev/*"), arn.formatted("ssm", "parameter/mail/prod/*"));
        assertThat(resourcesOf(policy, "ssm:DeleteParameter")).isEqualTo(resourcesOf(policy, "ssm:PutParameter"));
        assertThat(resourcesOf(policy, "ssm:GetParameterHistory")).isEqualTo(resourcesOf(policy, "ssm:PutParameter"));
        assertThat(resourcesOf(policy, "secretsmanager:PutSecretValue")).containsExactly(
                arn.formatted("secretsmanager", "secret:mail/dev-??????"), arn.formatted("secretsmanager", "secret:mail/prod-??????"));
        // The reader is still read, but nothing of it may be written.
        assertThat(resourcesOf(policy, "ssm:GetParametersByPath")).contains(arn.formatted("ssm", "parameter/reader/prod/*"));
        for (JsonElement e : policy.getAsJsonArray("Statement")) {
            JsonObject s = e.getAsJsonObject();
            if (strings(s.getAsJsonArray("Action")).stream().anyMatch(WRITE_ACTIONS::contains)) {
                assertThat(s.toString()).doesNotContain("reader");
            }
        }
        // Encrypt only through SSM, only with the team's keys (by alias, which KMS matches as a condition).
        JsonObject encrypt = statementWith(policy, "kms:Encrypt");
        assertThat(strings(encrypt.getAsJsonArray("Action"))).containsExactly("kms:Encrypt");
        assertThat(encrypt.getAsJsonObject("Condition").getAsJsonObject("StringLike").getAsJsonArray("kms:ViaService"))
                .containsExactly(new JsonPrimitive("ssm.eu-west-1.amazonaws.com"));
        assertThat(strings(encrypt.getAsJsonObject("Condition").getAsJsonObject("ForAnyValue:StringEquals")
                .getAsJsonArray("kms:ResourceAliases"))).containsExactly("alias/mail-dev", "alias/mail-prod");
        JsonObject dataKey = statementWith(policy, "kms:GenerateDataKey");
        assertThat(dataKey.getAsJsonObject("Condition").getAsJsonObject("StringLike").getAsJsonArray("kms:ViaService"))
                .containsExactly(new JsonPrimitive("secretsmanager.eu-west-1.amazonaws.com"));
    }

    @Test
    void withoutANamedKeyEncryptIsStillOnlyThroughSsmAndWithoutChangesThereIsNoWriteAtAll() throws Exception {
        JsonObject anyKey = iam("--iam", teamFile(TWO_SERVICES.replace("KMS\n", "")));
        JsonObject encrypt = statementWith(anyKey, "kms:Encrypt");
        assertThat(strings(encrypt.getAsJsonArray("Resource"))).containsExactly("arn:aws:kms:*:*:key/*");
        assertThat(encrypt.getAsJsonObject("Condition").keySet()).containsExactly("StringLike");
        assertThat(encrypt.getAsJsonObject("Condition").getAsJsonObject("StringLike").getAsJsonArray("kms:ViaService"))
                .containsExactly(new JsonPrimitive("ssm.*.amazonaws.com"));

        JsonObject readOnly = iam("--iam", teamFile(TWO_SERVICES.replace("KMS\n", "").replace("changes: true", "changes: false")));
        assertValidIamGrammar(readOnly);
        List<String> actions = new ArrayList<>();
        readOnly.getAsJsonArray("Statement").forEach(s -> actions.addAll(strings(s.getAsJsonObject().getAsJsonArray("Action"))));
        assertThat(actions).contains("ssm:GetParametersByPath").doesNotContainAnyElementsOf(WRITE_ACTIONS);
    }

    private static String teamFile(String yaml) throws Exception {
        Path file = Files.createTempFile("team", ".yml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.getAsString()));
        return out;
    }

    private static JsonObject statementWith(JsonObject policy, String action) {
        List<JsonObject> found = new ArrayList<>();
        policy.getAsJsonArray("Statement").forEach(s -> {
            if (strings(s.getAsJsonObject().getAsJsonArray("Action")).contains(action)) {
                found.add(s.getAsJsonObject());
            }
        });
        assertThat(found).as("statements allowing " + action).hasSize(1);
        return found.get(0);
    }

    private static List<String> resourcesOf(JsonObject policy, String action) {
        return strings(statementWith(policy, action).getAsJsonArray("Resource"));
    }

    @Test
    void logSearchesMayStartQueriesOnTheServicesLogGroupsOnly() throws Exception {
        JsonObject policy = iam("--iam", "--region", "eu-west-1", "--account", "123456789012", teamFile(TWO_SERVICES
                .replace("KMS\n", "").replace("    reader:\n", "    reader:\n      logs: { groups: [\"/ecs/reader-{env}\"] }\n")));

        assertValidIamGrammar(policy);
        String group = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/reader-";
        assertThat(resourcesOf(policy, "logs:StartQuery")).containsExactly(group + "dev", group + "dev:*",
                group + "prod", group + "prod:*");
        // A query id is all GetQueryResults and StopQuery name: IAM has no narrower resource for them.
        assertThat(resourcesOf(policy, "logs:GetQueryResults")).containsExactly("*");
        assertThat(resourcesOf(policy, "logs:StopQuery")).containsExactly("*");
        assertThat(iam("--iam", teamFile(TWO_SERVICES.replace("KMS\n", ""))).toString()).doesNotContain("logs:");
    }

    private static JsonObject iam(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CheckConfigCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The parts of IAM's policy grammar a generated policy can get wrong. */
    static void assertValidIamGrammar(JsonObject policy) {
        assertThat(policy.keySet()).containsExactlyInAnyOrder("Version", "Statement");
        assertThat(policy.get("Version").getAsString()).isEqualTo("2012-10-17");
        JsonArray statements = policy.getAsJsonArray("Statement");
        assertThat(statements).isNotEmpty();
        List<String> sids = new ArrayList<>();
        for (JsonElement e : statements) {
            JsonObject s = e.getAsJsonObject();
            assertThat(s.keySet()).isSubsetOf("Sid", "Effect", "Action", "Resource", "Condition");
            assertThat(s.get("Sid").getAsString()).matches("[A-Za-z0-9]+");
            sids.add(s.get("Sid").getAsString());
            assertThat(s.get("Effect").getAsString()).isEqualTo("Allow");
            s.getAsJsonArray("Action").forEach(a -> assertThat(a.getAsString()).matches("[a-z0-9-]+:[A-Z][A-Za-z]+"));
            // Global resources (IAM Identity Center's instance, permission sets, accounts, users) have no region or
            // account in their ARN; the identity store has no region.
            s.getAsJsonArray("Resource").forEach(r -> assertThat(r.getAsString())
                    .matches("\\*|arn:aws:[a-z0-9-]+:([a-z0-9-]+|\\*)?:([0-9]{12}|\\*)?:.+"));
            if (s.has("Condition")) {
                s.getAsJsonObject("Condition").entrySet().forEach(op -> {
                    assertThat(op.getKey()).matches("(ForAnyValue:|ForAllValues:)?[A-Za-z]+(IfExists)?");
                    op.getValue().getAsJsonObject().entrySet().forEach(k -> assertThat(k.getKey()).contains(":"));
                });
            }
        }
        assertThat(sids).doesNotHaveDuplicates();
    }
}
