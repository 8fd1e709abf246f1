package dev.flightdeck.slack.edge;

/**
 * The seen-requests contract of the table alone on H2 (behind the memory; what a restart reads back): the same
 * database as {@link H2SeenRequestsTest}, with the table as the store under test.
 */
class H2SeenRequestsTableTest extends H2SeenRequestsTest {

    @Override
    SeenRequests store() {
        return table;
    }
}
