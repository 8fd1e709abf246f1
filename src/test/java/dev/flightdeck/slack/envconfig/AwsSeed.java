package dev.flightdeck.slack.envconfig;

import dev.flightdeck.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.ArrayList;
import java.util.List;

/**
 * What the env-config edge tests find in AWS. Commons is right in staging and, in prod, shares its queue with
 * mailer (the outage, unique-across-services); notifier's prod queue names staging (the outage, other form).
 * Every secret value is listed in {@link #secretValues()} for the test that looks for them everywhere.
 */
final class AwsSeed {

    static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/";
    static final String COMMONS_PROD_QUEUE = QUEUE + "commons-prod-emails";

    private final List<String> secretValues = new ArrayList<>();

    static AwsSeed into(MotoServer moto) {
        AwsSeed seed = new AwsSeed();
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                     .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                     .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            seed.ssm(ssm);
            seed.secrets(sm);
            seed.alarms(cw);
        }
        return seed;
    }

    List<String> secretValues() {
        return List.copyOf(secretValues);
    }

    private void ssm(SsmClient ssm) {
        for (String env : EnvConfigWorld.envs()) {
            put(ssm, "/commons/" + env + "/EMAIL_QUEUE_URL", QUEUE + "commons-" + env + "-emails");
            put(ssm, "/commons/" + env + "/DATABASE_URL", "jdbc:postgresql://db." + env + ".internal:5432/commons");
            // Same password in staging and prod (the diff shows equal fingerprints); its own in dev.
            secure(ssm, "/commons/" + env + "/DB_PASSWORD", env.equals("dev") ? "dev-Pa55-word-x1" : "shared-Pa55-word-q9");
        }
        put(ssm, "/commons/staging/FEATURE_BETA", "on");
        put(ssm, "/commons/prod/LOG_LEVEL", "warn");
        put(ssm, "/commons/staging/LOG_LEVEL", "debug");
        put(ssm, "/mailer/prod/EMAIL_QUEUE_URL", COMMONS_PROD_QUEUE);
        secure(ssm, "/mailer/prod/SMTP_PASSWORD", "smtp-Secret-z7");
        put(ssm, "/notifier/prod/EMAIL_QUEUE_URL", QUEUE + "notifier-staging-emails");
        put(ssm, "/notifier/staging/EMAIL_QUEUE_URL", QUEUE + "notifier-staging-emails");
        for (int i = 0; i < 400; i++) {
            put(ssm, String.format("/big/prod/SETTING_%03d", i), "value-for-setting-" + i);
        }
    }

    private void secrets(SecretsManagerClient sm) {
        for (String env : EnvConfigWorld.envs()) {
            String api = "api-Key-" + env + "-5e1";
            String signing = "signing-Key-4a2b";  // the same everywhere: diff says "same"
            secretValues.add(api);
            secretValues.add(signing);
            sm.createSecret(r -> r.name("commons/" + env)
                    .secretString("{\"API_KEY\":\"" + api + "\",\"SIGNING_KEY\":\"" + signing + "\"}"));
        }
    }

    private void alarms(CloudWatchClient cw) {
        alarm(cw, "commons-prod-5xx", StateValue.ALARM, "Threshold Crossed: 3 datapoints > 10", List.of());
        alarm(cw, "commons-prod-latency", StateValue.OK, "fine", List.of());
        alarm(cw, "commons-staging-5xx", StateValue.INSUFFICIENT_DATA, "no data", List.of());
        alarm(cw, "mailer-bounces", StateValue.ALARM, "bounce rate 9%",
                List.of(Tag.builder().key("service").value("mailer").build()));
    }

    private static void alarm(CloudWatchClient cw, String name, StateValue state, String reason, List<Tag> tags) {
        cw.putMetricAlarm(r -> r.alarmName(name).namespace("Flightdeck/Test").metricName(name).statistic(Statistic.SUM)
                .period(60).evaluationPeriods(1).threshold(10.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).tags(tags));
        cw.setAlarmState(r -> r.alarmName(name).stateValue(state).stateReason(reason));
    }

    private static void put(SsmClient ssm, String name, String value) {
        ssm.putParameter(r -> r.name(name).value(value).type(ParameterType.STRING));
    }

    private void secure(SsmClient ssm, String name, String value) {
        if (!secretValues.contains(value)) {
            secretValues.add(value);
        }
        ssm.putParameter(r -> r.name(name).value(value).type(ParameterType.SECURE_STRING));
    }
}
