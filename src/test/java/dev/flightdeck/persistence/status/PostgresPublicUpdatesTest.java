package dev.flightdeck.persistence.status;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class PostgresPublicUpdatesTest extends PublicUpdatesContract implements OnPostgres {
}
