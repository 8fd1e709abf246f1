package dev.flightdeck.persistence.followup;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.HashMap;
import java.util.Map;

@MicronautTest(transactional = false, startApplication = false)
class PostgresFollowUpStoreTest extends FollowUpStoreContract implements OnPostgres {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(OnPostgres.super.getProperties());
        properties.putAll(NO_WAKERS);
        return properties;
    }
}
