package dev.flightdeck.envconfig.change.secrecy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.gson.JsonObject;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import com.google.gson.JsonParser;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's Done-when on secrets: a secret proposed through the form reaches moto and appears in no Slack call, log
 * line (every logger at DEBUG), database row, page or error. Each proposal goes through signed requests only:
 * {@code /deploy config set mail prod KEY}, the form's submission with a made-up value, an approver's go.
 */
class SecretProposalLeakTest {

    private static final ConfigChangeApp APP = ConfigChangeApp.shared();
    private static final List<String> PAGES = List.of("/deploys", "/incidents", "/delivery");

    @Test
    void aSecureStringProposedThroughTheFormIsWrittenToSsmAndLeaksNowhere() throws Exception {
        String key = "SECRECY_SSM_" + suffix();
        String value = "s3cr3t-" + UUID.randomUUID();
        try (SsmClient ssm = APP.ssm()) {
            ssm.putParameter(b -> b.name("/mail/prod/" + key).type(ParameterType.SECURE_STRING)
                    .keyId("alias/mail-config").value("made-up-old-" + UUID.randomUUID()));
        }
        SecretProposals driver = new SecretProposals(APP);
        Leaks leaks = new Leaks(value);

        List<ILoggingEvent> log;
        FakeSlack.Call outcome;
        try (AllLoggersAt debug = new AllLoggersAt(Level.DEBUG); LogCapture capture = LogCapture.root()) {
            SecretProposals.Posted posted = driver.propose(key, value);
            assertPendingOnlyAsCiphertext(posted.changeId(), leaks);
            outcome = driver.go(posted, key);
            log = capture.events();
            assertThat(outcome.allText()).contains("Written");
            assertThat(pendingRows(posted.changeId())).as("the pending value is forgotten once written").isZero();
        }

        try (SsmClient ssm = APP.ssm()) {
            assertThat(ssm.getParameter(b -> b.name("/mail/prod/" + key).withDecryption(true)).parameter().value())
                    .isEqualTo(value);
        }
        assertNowhereButAws(leaks, driver, log);
    }

    @Test
    void aSecretsManagerMemberProposedThroughTheFormIsWrittenAloneAndLeaksNowhere() throws Exception {
        String key = "SECRECY_SM_" + suffix();
        String value = "s3cr3t-" + UUID.randomUUID();
        String others = seedSecretMember("mail/prod", key, "made-up-old-" + UUID.randomUUID());
        SecretProposals driver = new SecretProposals(APP);
        Leaks leaks = new Leaks(value);

        List<ILoggingEvent> log;
        try (AllLoggersAt debug = new AllLoggersAt(Level.DEBUG); LogCapture capture = LogCapture.root()) {
            SecretProposals.Posted posted = driver.propose(key, value);
            assertPendingOnlyAsCiphertext(posted.changeId(), leaks);
            FakeSlack.Call outcome = driver.go(posted, key);
            log = capture.events();
            assertThat(outcome.allText()).contains("Written");
            assertThat(pendingRows(posted.changeId())).isZero();
        }

        try (SecretsManagerClient sm = APP.secretsManager()) {
            JsonObject secret = JsonParser.parseString(sm.getSecretValue(b -> b.secretId("mail/prod")).secretString())
                    .getAsJsonObject();
            assertThat(secret.get(key).getAsString()).isEqualTo(value);
            secret.remove(key);
            assertThat(secret.toString()).as("the other members are unchanged").isEqualTo(others);
        }
        assertNowhereButAws(leaks, driver, log);
    }

    @Test
    void aGoThatAwsRefusesSaysSoWithoutTheValue() throws Exception {
        // SSM keeps 100 versions; when the oldest carries a label it cannot be dropped and PutParameter is refused
        // (ParameterMaxVersionLimitExceeded), in moto as in AWS.
        String key = "SECRECY_REFUSED_" + suffix();
        String name = "/mail/prod/" + key;
        try (SsmClient ssm = APP.ssm()) {
            ssm.putParameter(b -> b.name(name).type(ParameterType.SECURE_STRING).value("made-up-v1"));
            ssm.labelParameterVersion(b -> b.name(name).parameterVersion(1L).labels("secrecy-pinned"));
            for (int v = 2; v <= 100; v++) {
                String old = "made-up-v" + v;
                ssm.putParameter(b -> b.name(name).type(ParameterType.SECURE_STRING).overwrite(true).value(old));
            }
        }
        String value = "s3cr3t-" + UUID.randomUUID();
        SecretProposals driver = new SecretProposals(APP);
        Leaks leaks = new Leaks(value);

        List<ILoggingEvent> log;
        FakeSlack.Call outcome;
        try (AllLoggersAt debug = new AllLoggersAt(Level.DEBUG); LogCapture capture = LogCapture.root()) {
            SecretProposals.Posted posted = driver.propose(key, value);
            outcome = driver.go(posted, key);
            log = capture.events();
        }

        assertThat(outcome.allText()).contains("write failed");
        leaks.notIn("the failure posted in the thread", outcome.allText());
        try (SsmClient ssm = APP.ssm()) {
            assertThat(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value()).isEqualTo("made-up-v100");
        }
        assertNowhereButAws(leaks, driver, log);
    }

    private void assertNowhereButAws(Leaks leaks, SecretProposals driver, List<ILoggingEvent> log) throws Exception {
        leaks.notInSlackCalls(APP.slack);
        for (String ack : driver.acks) {
            leaks.notIn("an answer to Slack's request", ack);
        }
        leaks.notInLog(log);
        leaks.notInDatabase(APP.bean(DataSource.class));
        leaks.notOnPages(APP, PAGES);
    }

    /** While the request waits for its go: a row for it, and the value in no column of any table. */
    private void assertPendingOnlyAsCiphertext(long changeId, Leaks leaks) throws Exception {
        assertThat(pendingRows(changeId)).as("the pending value of change " + changeId).isEqualTo(1);
        leaks.notInDatabase(APP.bean(DataSource.class));
    }

    private int pendingRows(long changeId) throws Exception {
        DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(APP.bean(DataSource.class));
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM config_pending_value WHERE change_id = ?")) {
            s.setLong(1, changeId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Adds {@code key} to the JSON secret (creating it if needed); returns the other members as JSON. */
    private static String seedSecretMember(String secretId, String key, String old) {
        try (SecretsManagerClient sm = APP.secretsManager()) {
            JsonObject secret;
            try {
                secret = JsonParser.parseString(sm.getSecretValue(b -> b.secretId(secretId)).secretString()).getAsJsonObject();
            } catch (ResourceNotFoundException absent) {
                sm.createSecret(b -> b.name(secretId).secretString("{\"SECRECY_NEIGHBOUR\":\"made-up-neighbour\"}"));
                secret = JsonParser.parseString(sm.getSecretValue(b -> b.secretId(secretId)).secretString()).getAsJsonObject();
            }
            String others = secret.toString();
            secret.addProperty(key, old);
            String updated = secret.toString();
            sm.putSecretValue(b -> b.secretId(secretId).secretString(updated));
            return others;
        }
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }
}
