package dev.flightdeck.persistence.followup;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2FollowUpStoreTest extends FollowUpStoreContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("follow_up_" + UUID.randomUUID().toString().replace("-", ""))));
        properties.putAll(NO_WAKERS);
        return properties;
    }
}
