package dev.flightdeck.persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded from a version that stored typed text as Slack sent it (entities) shows that text as it
 * was typed afterwards: V15 decodes it once, and leaves text that had no entities alone.
 */
class TypedTextMigrationTest {

    @Test
    void textStoredAsSlackSentItIsDecodedOnceOnUpgrade() throws Exception {
        String url = H2Databases.inMemoryUrl("typed_" + UUID.randomUUID().toString().replace("-", ""));
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            flyway(url).target("14").load().migrate();
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO incident (id, title, severity, status, commander_id, declared_by, started_at, setup_complete,
                                              prevention)
                        VALUES (1, 'Checkout &lt;500s&gt; &amp; retries', 'sev2', 'open', 'U1', 'U1', CURRENT_TIMESTAMP, TRUE,
                                'typed &amp;lt; literally')""");
                s.execute("""
                        INSERT INTO incident_timeline (incident_id, occurred_at, author_id, kind, body)
                        VALUES (1, CURRENT_TIMESTAMP, 'U1', 'note', 'rolled back A &amp; B'),
                               (1, CURRENT_TIMESTAMP, 'flightdeck', 'role', '<@U2> is the communicator')""");
            }
            flyway(url).load().migrate();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT title, prevention FROM incident WHERE id = 1")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("Checkout <500s> & retries");
                assertThat(r.getString(2)).isEqualTo("typed &lt; literally");
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT body FROM incident_timeline ORDER BY id")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("rolled back A & B");
                r.next();
                assertThat(r.getString(1)).isEqualTo("<@U2> is the communicator");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/h2");
    }
}
