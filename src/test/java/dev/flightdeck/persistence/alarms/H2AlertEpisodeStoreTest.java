package dev.flightdeck.persistence.alarms;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2AlertEpisodeStoreTest extends AlertEpisodeStoreContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("alert_episode_" + UUID.randomUUID().toString().replace("-", ""))));
        properties.putAll(NO_NUDGER);
        return properties;
    }
}
