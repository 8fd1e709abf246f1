package dev.flightdeck.aws.events;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

/** The seen-events contract on H2 in PostgreSQL mode, the default database. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SeenAwsEventsTest extends SeenAwsEventsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("aws_seen_" + UUID.randomUUID().toString().replace("-", "")));
    }
}
