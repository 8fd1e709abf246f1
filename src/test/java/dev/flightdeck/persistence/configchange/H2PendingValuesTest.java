package dev.flightdeck.persistence.configchange;

import dev.flightdeck.persistence.H2Databases;
import dev.flightdeck.testing.TestClockFactory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The pending-value store on H2 in PostgreSQL mode, the default database. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2PendingValuesTest extends JdbcPendingValuesContract implements TestPropertyProvider {

    private final String url = H2Databases.inMemoryUrl("pending_" + UUID.randomUUID().toString().replace("-", ""));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(H2Databases.micronautProperties(url));
        p.put("envconfig.config-key", CONFIG_KEY);
        p.put(TestClockFactory.PROPERTY, "true");
        return p;
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}
