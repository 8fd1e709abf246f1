package dev.flightdeck.aws.events;

import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The seen-events contract on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
class PostgresSeenAwsEventsTest extends SeenAwsEventsContract implements OnPostgres {
}
