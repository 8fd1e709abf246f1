package dev.flightdeck.persistence.deploy;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false, startApplication = false)
class PostgresReleaseLogTest extends ReleaseLogContract implements OnPostgres {
}
