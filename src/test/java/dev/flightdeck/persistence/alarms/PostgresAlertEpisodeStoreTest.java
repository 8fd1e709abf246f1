package dev.flightdeck.persistence.alarms;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class PostgresAlertEpisodeStoreTest extends AlertEpisodeStoreContract implements OnPostgres {
}
