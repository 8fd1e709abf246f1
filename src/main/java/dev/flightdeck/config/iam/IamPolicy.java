package dev.flightdeck.config.iam;

import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The least-privilege IAM policy Flightdeck needs for a team config: every resource is derived from the file's
 * SSM paths, secret names, alarm prefixes, CodeBuild projects and log groups, for every environment. Write permissions only for
 * services that allow config changes ({@link ChangeStatements}).
 * <p>
 * SSM is scoped by path, never by Deny statements: GetParametersByPath with Recursive=true is authorised against
 * the path asked for, and returns everything below it even where a Deny names a child parameter. So the only safe
 * boundary is to allow exactly the paths Flightdeck reads.
 */
public final class IamPolicy {

    /** One statement; {@code condition} may be empty. */
    public record Statement(String sid, List<String> actions, List<String> resources,
                            Map<String, Map<String, List<String>>> condition) {
    }

    private IamPolicy() {
    }

    public static List<Statement> statements(TeamConfig team, String region, String account) {
        Set<String> ssmPaths = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> alarms = new LinkedHashSet<>();
        boolean alarmsByTag = false;
        Set<String> projects = new LinkedHashSet<>();
        Set<String> logGroups = new LinkedHashSet<>();
        for (ServiceConfig service : team.services().values()) {
            for (String env : team.environments().keySet()) {
                service.logs().ifPresent(logs -> logs.groupsFor(env).forEach(g -> {
                    logGroups.add(arn("logs", region, account, "log-group:" + g));
                    logGroups.add(arn("logs", region, account, "log-group:" + g + ":*"));
                }));
                service.config().ssmPathFor(env).ifPresent(path -> {
                    String p = trimSlashes(path);
                    ssmPaths.add(arn("ssm", region, account, "parameter/" + p));
                    ssmPaths.add(arn("ssm", region, account, "parameter/" + p + "/*"));
                });
                // Secrets Manager appends "-" and six random characters to every secret's ARN.
                service.config().secretsFor(env).forEach(s -> secrets.add(arn("secretsmanager", region, account,
                        "secret:" + s + "-??????")));
                AlarmSelector selector = service.alarmsFor(env).orElse(null);
                if (selector instanceof AlarmSelector.Prefix prefix) {
                    alarms.add(arn("cloudwatch", region, account, "alarm:" + prefix.prefix() + "*"));
                } else if (selector instanceof AlarmSelector.Tags) {
                    alarmsByTag = true;
                }
                if (service.buildFor(env) instanceof BuildBackendConfig.CodeBuild codeBuild) {
                    projects.add(arn("codebuild", region, account, "project/" + codeBuild.project()));
                }
            }
        }
        List<Statement> statements = new ArrayList<>();
        if (!ssmPaths.isEmpty()) {
            statements.add(new Statement("ReadConfigByPath",
                    List.of("ssm:GetParametersByPath", "ssm:GetParameters"), List.copyOf(ssmPaths), Map.of()));
            // DescribeParameters has no resource-level permission; it returns metadata (who changed a key, when), never values.
            statements.add(new Statement("DescribeConfigMetadata", List.of("ssm:DescribeParameters"), List.of("*"), Map.of()));
        }
        if (!secrets.isEmpty()) {
            // Values are read only to compute fingerprints; they never leave Flightdeck's memory.
            statements.add(new Statement("FingerprintSecrets",
                    List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"), List.copyOf(secrets), Map.of()));
        }
        if (!ssmPaths.isEmpty() || !secrets.isEmpty()) {
            // SecureString parameters and secrets may use customer-managed keys: decrypt only on behalf of those services.
            String r = region.equals("*") ? "*" : region;
            List<String> services = new ArrayList<>();
            if (!ssmPaths.isEmpty()) {
                services.add("ssm." + r + ".amazonaws.com");
            }
            if (!secrets.isEmpty()) {
                services.add("secretsmanager." + r + ".amazonaws.com");
            }
            statements.add(new Statement("DecryptOnlyThroughSsmAndSecretsManager", List.of("kms:Decrypt"),
                    List.of(arn("kms", region, account, "key/*")), Map.of("StringLike", Map.of("kms:ViaService", services))));
        }
        statements.addAll(ChangeStatements.of(team, region, account));
        if (alarmsByTag) {
            statements.add(new Statement("DescribeAlarmsByTag",
                    List.of("cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource"),
                    List.of(arn("cloudwatch", region, account, "alarm:*")), Map.of()));
        } else if (!alarms.isEmpty()) {
            statements.add(new Statement("DescribeServiceAlarms", List.of("cloudwatch:DescribeAlarms"),
                    List.copyOf(alarms), Map.of()));
        }
        if (alarmsByTag || !alarms.isEmpty()) {
            // The last 3 hours of a firing alarm's metric, drawn in its thread. GetMetricWidgetImage has no
            // resource-level permission; it reads metric data only.
            statements.add(new Statement("DrawAlarmGraphs", List.of("cloudwatch:GetMetricWidgetImage"), List.of("*"), Map.of()));
        }
        if (team.services().values().stream().anyMatch(s -> s.slo().isPresent())) {
            // Error budgets (slo): GetMetricData has no resource-level permissions, "*" is the only resource it takes.
            statements.add(new Statement("ReadSloMetrics", List.of("cloudwatch:GetMetricData"), List.of("*"), Map.of()));
        }
        if (!projects.isEmpty()) {
            statements.add(new Statement("StartAndFollowBuilds",
                    List.of("codebuild:StartBuild", "codebuild:BatchGetBuilds"), List.copyOf(projects), Map.of()));
        }
        if (!logGroups.isEmpty()) {
            // /deploy logs: a query starts on the service's groups only; following and stopping it has no
            // resource-level permission (a query id is all they name).
            statements.add(new Statement("QueryServiceLogs", List.of("logs:StartQuery"), List.copyOf(logGroups), Map.of()));
            statements.add(new Statement("FollowLogQueries", List.of("logs:GetQueryResults", "logs:StopQuery"),
                    List.of("*"), Map.of()));
        }
        statements.addAll(AccessStatements.of(team, account));
        return statements;
    }

    /** The policy document as IAM expects it (Version 2012-10-17), pretty-printed JSON. */
    public static String json(TeamConfig team, String region, String account) {
        return PolicyJson.write(statements(team, region, account));
    }

    static String arn(String service, String region, String account, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    static String trimSlashes(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }
}
