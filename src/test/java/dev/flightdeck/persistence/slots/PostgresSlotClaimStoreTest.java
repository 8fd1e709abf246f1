package dev.flightdeck.persistence.slots;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.HashMap;
import java.util.Map;

@MicronautTest(transactional = false, startApplication = false)
class PostgresSlotClaimStoreTest extends SlotClaimStoreContract implements OnPostgres {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(OnPostgres.super.getProperties());
        properties.putAll(NO_EXPIRY);
        return properties;
    }
}
