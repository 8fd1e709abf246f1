package dev.flightdeck.persistence;

import dev.flightdeck.ready.DatabaseReady;
import dev.flightdeck.testing.PostgresDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own Flyway set-up migrates an empty H2 and an empty PostgreSQL to the same tables, columns
 * and keys, through the same migration history: a migration that only one database accepts, or that means
 * different things on each, fails here.
 */
class MigrationsTest {

    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable
            FROM information_schema.columns
            WHERE table_schema = CURRENT_SCHEMA AND table_name <> 'flyway_schema_history'
            ORDER BY table_name, column_name""";

    private static final String KEYS = """
            SELECT tc.table_name, tc.constraint_type, kcu.column_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
             AND kcu.table_name = tc.table_name
            WHERE tc.table_schema = CURRENT_SCHEMA AND tc.table_name <> 'flyway_schema_history'
              AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
            ORDER BY tc.table_name, tc.constraint_type, kcu.column_name""";

    // Versioned migrations only: Flyway adds marker rows of its own that differ by database.
    private static final String HISTORY = """
            SELECT version, description, success FROM flyway_schema_history
            WHERE version IS NOT NULL ORDER BY installed_rank""";

    @Test
    void h2AndPostgresEndUpWithTheSameSchemaThroughTheSameMigrations() throws SQLException {
        String h2Url = H2Databases.inMemoryUrl("migrations_" + UUID.randomUUID().toString().replace("-", ""));
        Map<String, List<String>> h2;
        try (ApplicationContext ignored = start(H2Databases.micronautProperties(h2Url));
             Connection connection = DriverManager.getConnection(h2Url, "sa", "")) {
            h2 = describe(connection);
        }
        Map<String, List<String>> postgres;
        try (PostgresDatabase database = PostgresDatabase.create()) {
            try (ApplicationContext ignored = start(database.micronautProperties());
                 Connection connection = database.connect()) {
                postgres = describe(connection);
            }
        }

        assertThat(h2.get("columns")).contains(
                "audit_event.event_id uuid not-null",
                "audit_event.occurred_at timestamp with time zone not-null",
                "audit_event.payload text not-null",
                "audit_event.trace_id character varying(64) null");
        assertThat(h2.get("history")).contains("1 audit true", "1.1 audit append only true");
        assertThat(postgres.get("columns")).containsExactlyElementsOf(h2.get("columns"));
        assertThat(postgres.get("keys")).containsExactlyElementsOf(h2.get("keys"));
        assertThat(postgres.get("history")).containsExactlyElementsOf(h2.get("history"));
    }

    private static ApplicationContext start(Map<String, String> datasource) {
        Map<String, Object> properties = new HashMap<>(datasource);
        // The health monitor schedules itself at start-up; this context is closed too soon for it to matter.
        properties.put("micronaut.health.monitor.enabled", "false");
        ApplicationContext context = ApplicationContext.run(properties, "test");
        context.getBean(DataSource.class); // creating the pool is what starts Flyway (in the background)
        context.getBean(DatabaseReady.class).await(Duration.ofMinutes(2)); // and this waits for its migrations
        return context;
    }

    private static Map<String, List<String>> describe(Connection connection) throws SQLException {
        return Map.of(
                "columns", rows(connection, COLUMNS, r -> r.getString(1) + "." + r.getString(2) + " "
                        + type(r.getString(3), r.getObject(4)) + ("YES".equals(r.getString(5)) ? " null" : " not-null")),
                "keys", rows(connection, KEYS, r -> r.getString(1) + " " + r.getString(2) + " " + r.getString(3)),
                "history", rows(connection, HISTORY, r -> r.getString(1) + " " + r.getString(2).toLowerCase(Locale.ROOT)
                        + " " + r.getBoolean(3)));
    }

    /**
     * H2 and PostgreSQL report some types differently; this maps both to PostgreSQL's names. H2 in PostgreSQL
     * mode stores TEXT as VARCHAR of its maximum length (1,000,000,000); PostgreSQL's unbounded VARCHAR is TEXT too.
     */
    private static String type(String dataType, Object maxLength) {
        String type = dataType.toLowerCase(Locale.ROOT);
        boolean unbounded = maxLength == null || ((Number) maxLength).longValue() >= H2_MAX_VARCHAR;
        return switch (type) {
            case "character large object" -> "text";
            // BYTEA: H2 reads it as its VARBINARY (unbounded), PostgreSQL as bytea; both hold any bytes.
            case "binary varying" -> unbounded ? "bytea" : type + "(" + maxLength + ")";
            case "character varying" -> unbounded ? "text" : type + "(" + maxLength + ")";
            case "character" -> type + "(" + maxLength + ")";
            default -> type;
        };
    }

    private static final long H2_MAX_VARCHAR = 1_000_000_000L;

    private interface Row {
        String describe(ResultSet row) throws SQLException;
    }

    private static List<String> rows(Connection connection, String sql, Row row) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(row.describe(rows));
            }
        }
        return out;
    }
}
