package dev.flightdeck.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** The audit store contract on H2 in PostgreSQL mode, the default database. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2AuditLogTest extends JdbcAuditLogContract implements TestPropertyProvider {

    private final String url = H2Databases.inMemoryUrl("audit_" + UUID.randomUUID().toString().replace("-", ""));

    @Override
    public Map<String, String> getProperties() {
        return H2Databases.micronautProperties(url);
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}
