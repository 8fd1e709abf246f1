package dev.flightdeck.aws;

import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ConfigWriter;
import dev.flightdeck.envconfig.change.ConfigWriter.Failed;
import dev.flightdeck.envconfig.change.ConfigWriter.VersionMoved;
import dev.flightdeck.envconfig.change.ConfigWriter.Written;
import dev.flightdeck.reliability.ThrottlingProxy;
import dev.flightdeck.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The config writer through the real SDK against moto_server: versions, types, KMS keys, JSON members, history. */
class ConfigWriterMotoTest {

    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    static final String SECRET_VALUE = "made-up-Secret-4e1b";
    static final Fingerprinter FINGERPRINTS =
            new Fingerprinter("cfgwriter-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    static AwsClients clients;
    static ConfigWriter writer;

    @BeforeAll
    static void start() {
        clients = MotoClients.clients(moto);
        writer = new ConfigWriters(clients, () -> FINGERPRINTS);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    static ConfigTarget ssm(String name, String type) {
        return new ConfigTarget("cfgwriter", "prod", name, "/cfgwriter-test/prod/" + name, type);
    }

    static ConfigTarget secret(String secretName, String key) {
        return new ConfigTarget("cfgwriter", "prod", key, secretName, ConfigEntry.SECRET_TYPE);
    }

    static void put(String name, String value, ParameterType type) {
        clients.ssm().putParameter(r -> r.name("/cfgwriter-test/prod/" + name).value(value).type(type).overwrite(true));
    }

    static String value(String name) {
        return clients.ssm().getParameter(r -> r.name("/cfgwriter-test/prod/" + name).withDecryption(true)).parameter().value();
    }

    static ParameterMetadata meta(String name) {
        return clients.ssm().describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Name")
                .option("Equals").values("/cfgwriter-test/prod/" + name).build())).parameters().get(0);
    }

    static String secretString(String name) {
        return clients.secretsManager().getSecretValue(r -> r.secretId(name)).secretString();
    }

    static String currentShortVersion(String name) {
        return SecretsManagerConfigWriter.shortId(clients.secretsManager().getSecretValue(r -> r.secretId(name)).versionId());
    }

    @Test
    void aPlainValueIsWrittenAsTheNextVersionWithItsType() {
        put("PLAIN", "https://old.example", ParameterType.STRING);

        var result = writer.set(ssm("PLAIN", "String"), "1", "https://new.example", Optional.empty());

        assertThat(result).isEqualTo(new Written("2"));
        assertThat(value("PLAIN")).isEqualTo("https://new.example");
        assertThat(meta("PLAIN").type()).isEqualTo(ParameterType.STRING);
    }

    @Test
    void aNewKeyIsCreatedOnlyWhenItStillDoesNotExist() {
        assertThat(writer.set(ssm("NEW_KEY", "String"), "", "first", Optional.empty())).isEqualTo(new Written("1"));
        assertThat(value("NEW_KEY")).isEqualTo("first");

        var again = writer.set(ssm("NEW_KEY", "String"), "", "second", Optional.empty());
        assertThat(again).isInstanceOf(VersionMoved.class);
        assertThat(((VersionMoved) again).currentVersion()).isEqualTo("1");
        assertThat(value("NEW_KEY")).isEqualTo("first");
    }

    @Test
    void aSecureStringStaysSecureAndIsEncryptedWithTheTeamsKeyWhichTheNextWriteKeeps() {
        put("SECURE", "made-up-old-4411", ParameterType.SECURE_STRING);

        var result = writer.set(ssm("SECURE", "SecureString"), "1", SECRET_VALUE, Optional.of("alias/cfgwriter-{env}"));

        assertThat(result).isEqualTo(new Written("2"));
        assertThat(meta("SECURE").type()).isEqualTo(ParameterType.SECURE_STRING);
        assertThat(meta("SECURE").keyId()).isEqualTo("alias/cfgwriter-prod");
        assertThat(value("SECURE")).isEqualTo(SECRET_VALUE);
        // No key named this time: the parameter's own key stays, not the account default.
        assertThat(writer.set(ssm("SECURE", "SecureString"), "2", "made-up-next-8d2c", Optional.empty()))
                .isEqualTo(new Written("3"));
        assertThat(meta("SECURE").keyId()).isEqualTo("alias/cfgwriter-prod");
    }

    @Test
    void aVersionMovedSinceTheProposalWritesNothingAndSaysWhoMovedIt() {
        put("MOVED", "proposed-against", ParameterType.STRING);
        put("MOVED", "changed-by-hand", ParameterType.STRING);
        String moto = SsmConfigSource.shortUser(meta("MOVED").lastModifiedUser());

        var result = writer.set(ssm("MOVED", "String"), "1", "from-flightdeck", Optional.empty());

        assertThat(result).isEqualTo(new VersionMoved("2", Optional.of(moto)));
        assertThat(moto).isNotBlank();
        assertThat(value("MOVED")).isEqualTo("changed-by-hand");
        assertThat(meta("MOVED").version()).isEqualTo(2L);
    }

    /** SSM has no conditional put: someone writing between the version check and the put must not look like success. */
    @Test
    void aWriteBetweenTheVersionCheckAndThePutIsReportedAsMovedWithItsWriter() {
        put("RACE", "proposed-against", ParameterType.STRING);
        ExecutionInterceptor someoneElseWritesFirst = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutParameterRequest) {
                    put("RACE", "written-by-hand-meanwhile", ParameterType.STRING);
                }
            }
        };
        try (AwsClients racing = new AwsClients(MotoClients.settings(moto), List.of(someoneElseWritesFirst))) {
            var result = new ConfigWriters(racing, () -> FINGERPRINTS)
                    .set(ssm("RACE", "String"), "1", "from-flightdeck", Optional.empty());

            String moto = SsmConfigSource.shortUser(meta("RACE").lastModifiedUser());
            assertThat(result).isEqualTo(new VersionMoved("3", Optional.of(moto)));
        }
        // The history keeps the value written meanwhile under the version the flow did not expect.
        assertThat(clients.ssm().getParameterHistory(r -> r.name("/cfgwriter-test/prod/RACE")).parameters())
                .extracting(h -> h.value()).containsExactly("proposed-against", "written-by-hand-meanwhile", "from-flightdeck");
    }

    @Test
    void unsetDeletesTheParameterOnlyAtTheExpectedVersion() {
        put("GONE", "a", ParameterType.STRING);
        put("GONE", "b", ParameterType.STRING);

        assertThat(writer.unset(ssm("GONE", "String"), "1")).isInstanceOf(VersionMoved.class);
        assertThat(value("GONE")).isEqualTo("b");

        assertThat(writer.unset(ssm("GONE", "String"), "2")).isEqualTo(new Written(""));
        assertThatThrownBy(() -> value("GONE")).isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void theValueBeforeAnSsmVersionComesFromItsHistoryDecrypted() {
        put("HISTORY", "made-up-v1-aa01", ParameterType.SECURE_STRING);
        put("HISTORY", "made-up-v2-bb02", ParameterType.SECURE_STRING);
        put("HISTORY", "made-up-v3-cc03", ParameterType.SECURE_STRING);

        assertThat(writer.valueBefore(ssm("HISTORY", "SecureString"), "3")).contains("made-up-v2-bb02");
        assertThat(writer.valueBefore(ssm("HISTORY", "SecureString"), "2")).contains("made-up-v1-aa01");
        assertThat(writer.valueBefore(ssm("HISTORY", "SecureString"), "1")).isEmpty();
        assertThat(writer.valueBefore(ssm("NEVER_THERE", "String"), "2")).isEmpty();
    }

    @Test
    void aJsonSecretMemberIsReplacedOrAddedAndEveryOtherMemberKeptInItsOrder() {
        String name = "cfgwriter-test/prod/json";
        clients.secretsManager().createSecret(r -> r.name(name)
                .secretString("{\"API_KEY\":\"made-up-old-77aa\",\"PORT\":8080,\"URL\":\"https://x.example/?a=b&c=<d>\"}"));
        String before = currentShortVersion(name);

        var result = writer.set(secret(name, "API_KEY"), before, SECRET_VALUE, Optional.empty());

        assertThat(result).isEqualTo(new Written(currentShortVersion(name)));
        assertThat(currentShortVersion(name)).isNotEqualTo(before);
        assertThat(secretString(name))
                .isEqualTo("{\"API_KEY\":\"" + SECRET_VALUE + "\",\"PORT\":8080,\"URL\":\"https://x.example/?a=b&c=<d>\"}");

        String second = currentShortVersion(name);
        assertThat(writer.set(secret(name, "PORT"), second, "9090", Optional.empty())).isInstanceOf(Written.class);
        assertThat(writer.set(secret(name, "NEW_MEMBER"), "", "made-up-new-31f0", Optional.empty())).isInstanceOf(Written.class);
        assertThat(secretString(name)).isEqualTo("{\"API_KEY\":\"" + SECRET_VALUE
                + "\",\"PORT\":9090,\"URL\":\"https://x.example/?a=b&c=<d>\",\"NEW_MEMBER\":\"made-up-new-31f0\"}");

        // The value before the first write, and before the second, for revert.
        assertThat(writer.valueBefore(secret(name, "API_KEY"), ((Written) result).version())).contains("made-up-old-77aa");
        assertThat(writer.valueBefore(secret(name, "PORT"), ((Written) result).version())).contains("8080");
        assertThat(writer.valueBefore(secret(name, "NEW_MEMBER"), currentShortVersion(name))).isEmpty();
    }

    @Test
    void aSecretChangedSinceTheProposalIsNotWrittenAndARetryOfTheSameChangeWritesNothingTwice() {
        String name = "cfgwriter-test/prod/retry";
        clients.secretsManager().createSecret(r -> r.name(name).secretString("{\"TOKEN\":\"made-up-a-0001\"}"));
        String proposed = currentShortVersion(name);

        var first = writer.set(secret(name, "TOKEN"), proposed, "made-up-b-0002", Optional.empty());
        var retried = writer.set(secret(name, "TOKEN"), proposed, "made-up-b-0002", Optional.empty());

        assertThat(retried).isEqualTo(first);
        assertThat(clients.secretsManager().listSecretVersionIds(r -> r.secretId(name)).versions()).hasSize(2);
        var other = writer.set(secret(name, "TOKEN"), proposed, "made-up-c-0003", Optional.empty());
        assertThat(other).isEqualTo(new VersionMoved(((Written) first).version(), Optional.empty()));
        assertThat(secretString(name)).isEqualTo("{\"TOKEN\":\"made-up-b-0002\"}");
    }

    @Test
    void aMemberIsUnsetButAWholeSecretCannotBeAndAPlainSecretIsReplacedWhole() {
        String json = "cfgwriter-test/prod/unset";
        clients.secretsManager().createSecret(r -> r.name(json).secretString("{\"KEEP\":\"k\",\"DROP\":\"d\"}"));
        assertThat(writer.unset(secret(json, "DROP"), currentShortVersion(json))).isInstanceOf(Written.class);
        assertThat(secretString(json)).isEqualTo("{\"KEEP\":\"k\"}");

        String whole = "cfgwriter-test/prod/whole";
        clients.secretsManager().createSecret(r -> r.name(whole).secretString("made-up-whole-1"));
        var unset = writer.unset(secret(whole, "cfgwriter-test/{env}/whole"), currentShortVersion(whole));
        assertThat(unset).isInstanceOf(Failed.class);
        assertThat(((Failed) unset).message()).contains("is the whole secret", "cannot be unset");
        assertThat(secretString(whole)).isEqualTo("made-up-whole-1");

        String v1 = currentShortVersion(whole);
        assertThat(writer.set(secret(whole, "cfgwriter-test/{env}/whole"), v1, "made-up-whole-2", Optional.empty()))
                .isInstanceOf(Written.class);
        assertThat(secretString(whole)).isEqualTo("made-up-whole-2");
        assertThat(writer.valueBefore(secret(whole, "cfgwriter-test/{env}/whole"), currentShortVersion(whole)))
                .contains("made-up-whole-1");
    }

    @Test
    void aThrottledPutIsRetriedWithBackoffAndLandsOnce() {
        put("THROTTLED", "before", ParameterType.STRING);
        try (ThrottlingProxy proxy = new ThrottlingProxy(moto.endpoint());
             AwsClients throttled = new AwsClients(new AwsSettings(moto.region().id(), proxy.url(), "testing", "testing",
                     Duration.ofSeconds(20), Duration.ofSeconds(10), 4), List.of())) {
            proxy.throttleNext(2, "PutParameter");

            var result = new ConfigWriters(throttled, () -> FINGERPRINTS)
                    .set(ssm("THROTTLED", "String"), "1", "after", Optional.empty());

            assertThat(proxy.throttled.get()).isEqualTo(2);
            assertThat(result).isEqualTo(new Written("2"));
        }
        assertThat(value("THROTTLED")).isEqualTo("after");
        assertThat(clients.ssm().getParameterHistory(r -> r.name("/cfgwriter-test/prod/THROTTLED")).parameters())
                .extracting(h -> h.version()).containsExactly(1L, 2L);
    }
}
