package dev.flightdeck.aws;

import dev.flightdeck.envconfig.ConfigRules;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.SourceRead;
import dev.flightdeck.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The config sources through the real SDK against moto_server: paths, pagination, masking, JSON secrets. */
class SsmAndSecretsMotoTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    static final String DB_PASSWORD = "pw-Secret-7d1e";
    static final String API_KEY = "api-Secret-99a0";
    static final String PLAIN_SECRET = "token-Secret-5f3c";

    static AwsClients clients;
    static Fingerprinter fingerprints = new Fingerprinter("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    static SsmConfigSource ssm;
    static SecretsManagerConfigSource secrets;

    @BeforeAll
    static void seed() {
        clients = MotoClients.clients(moto);
        ssm = new SsmConfigSource(clients, () -> fingerprints);
        secrets = new SecretsManagerConfigSource(clients, () -> fingerprints);
        var client = clients.ssm();
        client.putParameter(r -> r.name("/commons/prod/EMAIL_QUEUE_URL")
                .value("https://sqs.us-east-1.amazonaws.com/123456789012/commons-prod-emails").type(ParameterType.STRING));
        client.putParameter(r -> r.name("/commons/prod/DB_PASSWORD").value(DB_PASSWORD).type(ParameterType.SECURE_STRING));
        client.putParameter(r -> r.name("/commons/prod/feature/flags").value("a,b").type(ParameterType.STRING_LIST));
        client.putParameter(r -> r.name("/commons/production-like/OTHER").value("x").type(ParameterType.STRING));
        for (int i = 0; i < 400; i++) {
            String n = String.format("KEY_%03d", i);
            client.putParameter(r -> r.name("/big/prod/" + n).value("value-" + n).type(ParameterType.STRING));
        }
        clients.secretsManager().createSecret(r -> r.name("commons/prod")
                .secretString("{\"API_KEY\":\"" + API_KEY + "\",\"PORT\":8080}"));
        clients.secretsManager().createSecret(r -> r.name("commons/prod/token").secretString(PLAIN_SECRET));
        clients.secretsManager().createSecret(r -> r.name("commons/prod/blob")
                .secretBinary(SdkBytes.fromUtf8String("binary-Secret")));
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    static EnvConfigSettings settings(String path, String... secretNames) {
        return new EnvConfigSettings(Optional.ofNullable(path), List.of(secretNames), ConfigRules.NONE);
    }

    static Map<String, ConfigEntry> byKey(SourceRead read) {
        return read.entries().stream().collect(Collectors.toMap(ConfigEntry::key, Function.identity()));
    }

    @Test
    void ssmListsEveryKeyUnderThePathWithPlainValuesShownAndSecureStringsOnlyFingerprinted() {
        SourceRead read = ssm.read("commons", "prod", settings("/commons/{env}/"));

        var entries = byKey(read);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("EMAIL_QUEUE_URL", "DB_PASSWORD", "feature/flags");
        ConfigEntry queue = entries.get("EMAIL_QUEUE_URL");
        assertThat(queue.plainValue()).contains("https://sqs.us-east-1.amazonaws.com/123456789012/commons-prod-emails");
        assertThat(queue.type()).isEqualTo("String");
        assertThat(queue.version()).isEqualTo("1");
        assertThat(queue.lastModified()).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.parse("2020-01-01T00:00:00Z")));
        // From DescribeParameters (GetParametersByPath does not say who): proves the two paginations are joined.
        assertThat(queue.lastModifiedBy()).hasValueSatisfying(by -> assertThat(by).isNotBlank());
        ConfigEntry password = entries.get("DB_PASSWORD");
        assertThat(password.isSecret()).isTrue();
        assertThat(password.type()).isEqualTo("SecureString");
        assertThat(password.fingerprint()).isEqualTo(fingerprints.of(DB_PASSWORD)).hasSize(8);
        assertThat(password.toString() + password.shownValue()).doesNotContain(DB_PASSWORD);
        assertThat(entries.get("feature/flags").type()).isEqualTo("StringList");
    }

    @Test
    void fourHundredParametersUnderOnePathAreAllRead() {
        SourceRead read = ssm.read("big", "prod", settings("/big/{env}"));

        assertThat(read.entries()).hasSize(400);
        assertThat(byKey(read).get("KEY_399").plainValue()).contains("value-KEY_399");
    }

    @Test
    void anEmptyPathIsAProblemToShowNotAFailure() {
        SourceRead read = ssm.read("commons", "dev", settings("/commons/{env}/"));
        assertThat(read.entries()).isEmpty();
        assertThat(read.problems()).containsExactly("no parameters under /commons/dev (SSM Parameter Store)");
    }

    @Test
    void jsonSecretsGiveOneMaskedKeyPerMemberAndOtherSecretsOneKeyNamedAsConfigured() {
        SourceRead read = secrets.read("commons", "prod",
                settings(null, "commons/{env}", "commons/{env}/token", "commons/{env}/blob", "commons/{env}/missing"));

        var entries = byKey(read);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("API_KEY", "PORT", "commons/{env}/token", "commons/{env}/blob");
        assertThat(entries.values()).allSatisfy(e -> {
            assertThat(e.isSecret()).isTrue();
            assertThat(e.type()).isEqualTo("secret");
            assertThat(e.lastModified()).isPresent();
            assertThat(e.version()).isNotBlank();
        });
        assertThat(entries.get("API_KEY").fingerprint()).isEqualTo(fingerprints.of(API_KEY));
        assertThat(entries.get("PORT").fingerprint()).isEqualTo(fingerprints.of("8080"));
        assertThat(entries.get("commons/{env}/token").fingerprint()).isEqualTo(fingerprints.of(PLAIN_SECRET));
        assertThat(entries.get("API_KEY").source()).isEqualTo("commons/prod");
        assertThat(read.problems()).containsExactly("secret commons/prod/missing not found (Secrets Manager)");
        assertThat(read.toString()).doesNotContain(API_KEY, PLAIN_SECRET, "binary-Secret");
    }

    @Test
    void anUnreachableEndpointFailsWithAShowableMessageAfterRetries() {
        var settings = new AwsSettings("us-east-1", "http://127.0.0.1:9", "testing", "testing",
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1), 2);
        try (var down = new AwsClients(settings, List.of())) {
            assertThatThrownBy(() -> new SsmConfigSource(down, () -> fingerprints).read("commons", "prod", settings("/commons/{env}")))
                    .isInstanceOf(ConfigSourceException.class)
                    .hasMessageStartingWith("SSM Parameter Store path /commons/prod: AWS could not be reached");
        }
    }
    @Test
    void secretValuesForMaskingAreTheSecureStringsAndEverySecretAndJsonMemberButNoPlainValue() {
        // failures: what a failed build's log is masked with, read for that one call.
        assertThat(ssm.secretValues("commons", "prod", settings("/commons/{env}/"))).containsExactly(DB_PASSWORD);
        assertThat(secrets.secretValues("commons", "prod", settings(null, "commons/{env}", "commons/{env}/token",
                "commons/{env}/missing"))).containsExactlyInAnyOrder("{\"API_KEY\":\"" + API_KEY + "\",\"PORT\":8080}",
                API_KEY, "8080", PLAIN_SECRET);
        assertThat(ssm.secretValues("commons", "prod", settings(null))).isEmpty();
    }
}
