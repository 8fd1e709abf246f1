package dev.flightdeck.config.iam;

import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.EnvTemplates;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write permissions of config changes (issue 16), only for services with {@code config.changes: true}: put,
 * delete and read the history of parameters under their SSM paths, put values of their secrets, and encrypt only
 * through SSM or Secrets Manager. A service that only reads gets none of this.
 * <p>
 * KMS: a changed {@code SecureString} is encrypted with the service's {@code kms-key} (else the key it had, which
 * the file does not name, so then any key). A key named by alias is matched with {@code kms:ResourceAliases}: an
 * alias ARN is not a resource KMS authorises Encrypt against. Secrets Manager encrypts a new secret version with a
 * data key (kms:GenerateDataKey, not kms:Encrypt) under the secret's own key, which the file does not name.
 */
final class ChangeStatements {

    private ChangeStatements() {
    }

    static List<IamPolicy.Statement> of(TeamConfig team, String region, String account) {
        Set<String> parameters = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> keyArns = new LinkedHashSet<>();
        Set<String> aliases = new LinkedHashSet<>();
        boolean anyKey = false;
        for (ServiceConfig service : team.services().values()) {
            EnvConfigSettings config = service.config();
            if (!config.changes()) {
                continue;
            }
            for (String env : team.environments().keySet()) {
                boolean hasPath = config.ssmPathFor(env).isPresent();
                config.ssmPathFor(env).ifPresent(path -> parameters.add(
                        IamPolicy.arn("ssm", region, account, "parameter/" + IamPolicy.trimSlashes(path) + "/*")));
                config.secretsFor(env).forEach(s -> secrets.add(
                        IamPolicy.arn("secretsmanager", region, account, "secret:" + s + "-??????")));
                if (hasPath && config.kmsKey().isEmpty()) {
                    anyKey = true;
                } else if (hasPath) {
                    String key = EnvTemplates.forEnv(config.kmsKey().get(), env);
                    int alias = key.indexOf("alias/");
                    if (alias >= 0) {
                        aliases.add(key.substring(alias));
                    } else if (key.startsWith("arn:")) {
                        keyArns.add(key);
                    } else {
                        keyArns.add(IamPolicy.arn("kms", region, account, "key/" + key));
                    }
                }
            }
        }
        List<IamPolicy.Statement> statements = new ArrayList<>();
        String r = region.equals("*") ? "*" : region;
        if (!parameters.isEmpty()) {
            statements.add(new IamPolicy.Statement("ChangeConfigByPath",
                    List.of("ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameterHistory"),
                    List.copyOf(parameters), Map.of()));
            Map<String, Map<String, List<String>>> viaSsm = Map.of("StringLike", Map.of("kms:ViaService",
                    List.of("ssm." + r + ".amazonaws.com")));
            String anyKeyArn = IamPolicy.arn("kms", region, account, "key/*");
            if (anyKey) {
                statements.add(new IamPolicy.Statement("EncryptChangedConfigOnlyThroughSsm", List.of("kms:Encrypt"),
                        List.of(anyKeyArn), viaSsm));
            } else {
                if (!keyArns.isEmpty()) {
                    statements.add(new IamPolicy.Statement("EncryptChangedConfigWithItsKeysThroughSsm",
                            List.of("kms:Encrypt"), List.copyOf(keyArns), viaSsm));
                }
                if (!aliases.isEmpty()) {
                    Map<String, Map<String, List<String>>> condition = new LinkedHashMap<>(viaSsm);
                    condition.put("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", List.copyOf(aliases)));
                    statements.add(new IamPolicy.Statement("EncryptChangedConfigWithItsAliasedKeysThroughSsm",
                            List.of("kms:Encrypt"), List.of(anyKeyArn), condition));
                }
            }
        }
        if (!secrets.isEmpty()) {
            // ListSecretVersionIds finds the version before a change, for config revert; it lists ids, not values.
            statements.add(new IamPolicy.Statement("ChangeSecretValues",
                    List.of("secretsmanager:PutSecretValue", "secretsmanager:ListSecretVersionIds"),
                    List.copyOf(secrets), Map.of()));
            statements.add(new IamPolicy.Statement("EncryptChangedSecretsOnlyThroughSecretsManager",
                    List.of("kms:GenerateDataKey"), List.of(IamPolicy.arn("kms", region, account, "key/*")),
                    Map.of("StringLike", Map.of("kms:ViaService", List.of("secretsmanager." + r + ".amazonaws.com")))));
        }
        return statements;
    }
}
