package dev.flightdeck.persistence;

import dev.flightdeck.envconfig.FingerprintKeyStore;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.testing.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprint key is generated once per installation and kept in the database: a restarted Flightdeck or a
 * second replica on the same database fingerprints alike; another installation does not. On H2 and PostgreSQL.
 */
class FingerprintKeyStoreTest {

    @Test
    void h2() {
        String url = H2Databases.inMemoryUrl("fpkey_" + UUID.randomUUID().toString().replace("-", ""));
        String other = H2Databases.inMemoryUrl("fpkey_" + UUID.randomUUID().toString().replace("-", ""));
        sameKeyAcrossRestartsDifferentAcrossInstallations(H2Databases.micronautProperties(url),
                H2Databases.micronautProperties(other));
    }

    @Test
    void postgres() {
        try (PostgresDatabase db = PostgresDatabase.create(); PostgresDatabase other = PostgresDatabase.create()) {
            sameKeyAcrossRestartsDifferentAcrossInstallations(db.micronautProperties(), other.micronautProperties());
        }
    }

    private void sameKeyAcrossRestartsDifferentAcrossInstallations(Map<String, String> db, Map<String, String> otherDb) {
        String first;
        String firstReplica;
        try (ApplicationContext replica1 = start(db); ApplicationContext replica2 = start(db)) {
            first = replica1.getBean(Fingerprinter.class).of("a value");
            firstReplica = replica2.getBean(Fingerprinter.class).of("a value");
            // A replica that lost the race to store its key gets the stored one, not its own.
            byte[] stored = replica1.getBean(FingerprintKeyStore.class).loadOrCreate(() -> new byte[32]);
            assertThat(replica2.getBean(FingerprintKeyStore.class)
                    .loadOrCreate(() -> "another-key-of-32-bytes-00000000".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(stored).hasSize(32).isNotEqualTo(new byte[32]);
        }
        String afterRestart;
        try (ApplicationContext restarted = start(db)) {
            afterRestart = restarted.getBean(Fingerprinter.class).of("a value");
        }
        String elsewhere;
        try (ApplicationContext otherInstallation = start(otherDb)) {
            elsewhere = otherInstallation.getBean(Fingerprinter.class).of("a value");
        }
        assertThat(firstReplica).isEqualTo(first);
        assertThat(afterRestart).isEqualTo(first);
        assertThat(elsewhere).isNotEqualTo(first);
    }

    private static ApplicationContext start(Map<String, String> datasource) {
        Map<String, Object> properties = new HashMap<>(datasource);
        properties.put("micronaut.health.monitor.enabled", "false");
        properties.put("envconfig.fingerprint-key", "");
        return ApplicationContext.run(properties, "test");
    }
}
