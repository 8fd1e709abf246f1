package dev.flightdeck.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

/** The incident repository contract on H2 in PostgreSQL mode. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2IncidentRepositoryTest extends JdbcIncidentRepositoryContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("incident_" + UUID.randomUUID().toString().replace("-", "")));
    }
}
