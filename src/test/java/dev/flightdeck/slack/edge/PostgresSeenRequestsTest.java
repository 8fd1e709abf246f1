package dev.flightdeck.slack.edge;

import dev.flightdeck.testing.PostgresDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The seen-requests contract on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSeenRequestsTest extends JdbcSeenRequestsContract implements TestPropertyProvider {

    private final PostgresDatabase postgres = PostgresDatabase.create();

    @Override
    public Map<String, String> getProperties() {
        return postgres.micronautProperties();
    }

    @Override
    Class<? extends SeenRequests> expectedStore() {
        return SeenRequestsFactory.Shared.class; // replicas may share the database: every check goes there
    }

    @AfterAll
    void dropDatabase() {
        postgres.close();
    }
}
