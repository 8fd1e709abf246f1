package dev.flightdeck.slack.edge;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The one place that chooses where the replay check looks. Several replicas may share a PostgreSQL database (or an
 * H2 server), so each request is checked in the database ({@link JdbcSeenRequests}), and a copy sent to another
 * replica is refused there too. An embedded H2 database (a file or in-memory URL without AUTO_SERVER) is opened by
 * this process alone (H2 locks its file to one JVM), so no other process can receive a copy: the check is kept in
 * memory and written behind for restarts ({@link EmbeddedSeenRequests}).
 */
@Factory
class SeenRequestsFactory {

    @Singleton
    @Primary
    @Requires(beans = javax.sql.DataSource.class)
    @Bean(preDestroy = "close")
    Store seenRequests(JdbcSeenRequests table, @Value("${datasources.default.url:}") String url) {
        return thisProcessAlone(url) ? new EmbeddedSeenRequests(table) : new Shared(table);
    }

    /** True for embedded H2 (file or memory, opened in this JVM only); false for PostgreSQL and for H2 servers. */
    static boolean thisProcessAlone(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
            return false;
        }
        return !url.replace(" ", "").contains(";auto_server=true");
    }

    /** The chosen store; closed on shutdown (the embedded one writes what is pending). */
    public interface Store extends SeenRequests, AutoCloseable {
        @Override
        void close();
    }

    /** The database check, with nothing to close. */
    record Shared(JdbcSeenRequests table) implements Store {
        @Override
        public boolean firstTime(String key, java.time.Instant expiresAt, java.time.Instant now) {
            return table.firstTime(key, expiresAt, now);
        }

        @Override
        public void close() {
        }
    }
}
