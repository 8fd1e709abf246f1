package dev.flightdeck.persistence.slots;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SlotClaimStoreTest extends SlotClaimStoreContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("slot_claim_" + UUID.randomUUID().toString().replace("-", ""))));
        properties.putAll(NO_EXPIRY);
        return properties;
    }
}
