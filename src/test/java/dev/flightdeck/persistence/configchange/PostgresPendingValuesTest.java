package dev.flightdeck.persistence.configchange;

import dev.flightdeck.testing.OnPostgres;
import dev.flightdeck.testing.TestClockFactory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The pending-value store on PostgreSQL, in a database of its own. */
@MicronautTest(transactional = false, startApplication = false)
class PostgresPendingValuesTest extends JdbcPendingValuesContract implements OnPostgres {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(OnPostgres.super.getProperties());
        p.put("envconfig.config-key", CONFIG_KEY);
        p.put(TestClockFactory.PROPERTY, "true");
        return p;
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return postgres().connect();
    }
}
