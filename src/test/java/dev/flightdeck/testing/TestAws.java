package dev.flightdeck.testing;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.List;
import java.util.Map;

/**
 * One moto_server for the test apps (started on first use, stopped with the JVM), seeded with what the example
 * team file's gates read: commons' configuration in every environment, passing its rules, and no alarm firing.
 * A deploy in a test app then passes the alarms and config checks for real, through the SDK.
 */
public final class TestAws {

    private static MotoServer moto;

    private TestAws() {
    }

    public static synchronized MotoServer moto() {
        if (moto == null) {
            MotoServer started = new MotoServer();
            try {
                started.start();
            } catch (Exception e) {
                throw new IllegalStateException("moto_server did not start for the test apps", e);
            }
            seed(started);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            moto = started;
        }
        return moto;
    }

    /** The aws.* settings that point a test app at the shared moto_server. */
    public static Map<String, Object> properties() {
        MotoServer m = moto();
        return Map.of("aws.region", m.region().id(), "aws.endpoint-url", m.endpoint().toString(),
                "aws.access-key-id", "testing", "aws.secret-access-key", "testing");
    }

    private static void seed(MotoServer m) {
        try (var http = UrlConnectionHttpClient.create();
             SsmClient ssm = SsmClient.builder().region(m.region()).endpointOverride(m.endpoint())
                     .credentialsProvider(m.credentials()).httpClient(http).build();
             SecretsManagerClient secrets = SecretsManagerClient.builder().region(m.region()).endpointOverride(m.endpoint())
                     .credentialsProvider(m.credentials()).httpClient(http).build()) {
            for (String env : List.of("dev", "staging", "prod")) {
                ssm.putParameter(r -> r.name("/commons/" + env + "/EMAIL_QUEUE_URL").type(ParameterType.STRING)
                        .value("https://sqs.us-east-1.amazonaws.com/123456789012/commons-" + env + "-emails"));
                ssm.putParameter(r -> r.name("/commons/" + env + "/LOG_LEVEL").type(ParameterType.STRING).value("info"));
                secrets.createSecret(r -> r.name("commons/" + env)
                        .secretString("{\"DATABASE_URL\":\"postgres://commons:s3cr3t-" + env + "@db-" + env + "/commons\"}"));
            }
        }
    }
}
