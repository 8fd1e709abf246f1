package dev.flightdeck.persistence;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The incident repository contract on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
class PostgresIncidentRepositoryTest extends JdbcIncidentRepositoryContract implements OnPostgres {
}
