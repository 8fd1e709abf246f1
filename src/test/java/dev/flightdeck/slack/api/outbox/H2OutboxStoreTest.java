package dev.flightdeck.slack.api.outbox;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The outbox store contract on H2 in PostgreSQL mode, the default database. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2OutboxStoreTest extends JdbcOutboxStoreContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("outbox_" + UUID.randomUUID().toString().replace("-", ""))));
        p.putAll(JdbcOutboxStoreContract.NO_TIMERS);
        return p;
    }
}
