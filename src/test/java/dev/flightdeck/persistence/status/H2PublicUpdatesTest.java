package dev.flightdeck.persistence.status;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2PublicUpdatesTest extends PublicUpdatesContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("status_update_" + UUID.randomUUID().toString().replace("-", "")));
    }
}
