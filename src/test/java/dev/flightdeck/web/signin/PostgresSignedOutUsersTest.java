package dev.flightdeck.web.signin;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The sign-out times contract on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
class PostgresSignedOutUsersTest extends JdbcSignedOutUsersContract implements OnPostgres {
}
