package dev.flightdeck.persistence.metrics;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.HashMap;
import java.util.Map;

/** The daily rollup on PostgreSQL, in a database of its own that is dropped afterwards (the waker's fold off). */
@MicronautTest(transactional = false, startApplication = false)
class PostgresDeliveryRollupTest extends DeliveryRollupContract implements OnPostgres {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(OnPostgres.super.getProperties());
        p.put("flightdeck.metrics.rollup-interval", "1h");
        return p;
    }
}
