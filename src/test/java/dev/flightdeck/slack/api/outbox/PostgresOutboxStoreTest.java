package dev.flightdeck.slack.api.outbox;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.HashMap;
import java.util.Map;

/** The outbox store contract on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
class PostgresOutboxStoreTest extends JdbcOutboxStoreContract implements OnPostgres {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(OnPostgres.super.getProperties());
        p.putAll(JdbcOutboxStoreContract.NO_TIMERS);
        return p;
    }
}
