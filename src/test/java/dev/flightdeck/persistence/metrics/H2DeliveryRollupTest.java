package dev.flightdeck.persistence.metrics;

import dev.flightdeck.persistence.H2Databases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The daily rollup on H2 in PostgreSQL mode (the waker's fold off: the tests fold). */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2DeliveryRollupTest extends DeliveryRollupContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("rollup_" + UUID.randomUUID().toString().replace("-", ""))));
        p.put("flightdeck.metrics.rollup-interval", "1h");
        return p;
    }
}
