package dev.flightdeck.persistence.metrics;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The metrics queries on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
class PostgresDeliveryHistoryTest extends DeliveryHistoryContract implements OnPostgres {
}
