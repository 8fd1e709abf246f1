package dev.flightdeck.slack.edge;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

/** The seen-requests contract on embedded H2 in PostgreSQL mode, the default database: checked in memory. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SeenRequestsTest extends JdbcSeenRequestsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("seen_" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Override
    Class<? extends SeenRequests> expectedStore() {
        return EmbeddedSeenRequests.class; // one process by construction: memory, written behind
    }
}
