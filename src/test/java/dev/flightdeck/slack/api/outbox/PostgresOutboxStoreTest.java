package dev.flightdeck.slack.api.outbox;

import dev.flightdeck.testing.PostgresDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/** The outbox store contract on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutboxStoreTest extends JdbcOutboxStoreContract implements TestPropertyProvider {

    private final PostgresDatabase postgres = PostgresDatabase.create();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(postgres.micronautProperties());
        p.putAll(JdbcOutboxStoreContract.NO_TIMERS);
        return p;
    }

    @AfterAll
    void dropDatabase() {
        postgres.close();
    }
}
