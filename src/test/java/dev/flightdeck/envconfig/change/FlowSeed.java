package dev.flightdeck.envconfig.change;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.Map;
import java.util.stream.Collectors;

/** Puts the flow tests' values into moto: SSM parameters under /mail/{env}/ and members of the mail/{env} secret. */
final class FlowSeed {

    private FlowSeed() {
    }

    static void ssm(ConfigChangeApp app, String env, String key, String value) {
        try (SsmClient ssm = app.ssm()) {
            ssm.putParameter(r -> r.name("/mail/" + env + "/" + key).type(ParameterType.STRING).value(value).overwrite(true));
        }
    }

    static void secureString(ConfigChangeApp app, String env, String key, String value) {
        try (SsmClient ssm = app.ssm()) {
            ssm.putParameter(r -> r.name("/mail/" + env + "/" + key).type(ParameterType.SECURE_STRING).value(value)
                    .overwrite(true));
        }
    }

    /** The whole mail/{env} secret: these members (made-up values). */
    static void secret(ConfigChangeApp app, String env, Map<String, String> members) {
        String json = members.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        try (SecretsManagerClient secrets = app.secretsManager()) {
            try {
                secrets.putSecretValue(r -> r.secretId("mail/" + env).secretString(json));
            } catch (ResourceNotFoundException e) {
                secrets.createSecret(r -> r.name("mail/" + env).secretString(json));
            }
        }
    }

    static String queue(String env) {
        return "https://sqs.us-east-1.amazonaws.com/123456789012/mail-" + env + "-emails";
    }

    /** The rules' key, valid everywhere; other tests' proposals of it are never written (the writer is a fake). */
    static void queues(ConfigChangeApp app) {
        for (String env : new String[]{"dev", "staging", "prod"}) {
            ssm(app, env, "EMAIL_QUEUE_URL", queue(env));
        }
    }
}
