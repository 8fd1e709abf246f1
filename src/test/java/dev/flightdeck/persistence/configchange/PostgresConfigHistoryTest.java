package dev.flightdeck.persistence.configchange;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class PostgresConfigHistoryTest extends ConfigHistoryContract implements OnPostgres {
}
