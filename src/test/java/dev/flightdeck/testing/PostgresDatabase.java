package dev.flightdeck.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped afterwards. Connects to the local server
 * ({@value #ADMIN_URL}, user postgres, trust auth). If the server is not running the test fails, never skips:
 * "the same repository tests pass on PostgreSQL" must not pass by not running.
 *
 * A {@code @MicronautTest} class gets one by implementing {@link OnPostgres}; a test that starts its own contexts or
 * processes uses {@link #create()} in a try-with-resources.
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final String HOST_PORT = "127.0.0.1:5432";
    public static final String ADMIN_URL = "jdbc:postgresql://" + HOST_PORT + "/test";
    public static final String USER = "postgres";
    static final String HOW_TO_START = "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

    /** The databases of {@link OnPostgres} test classes, one per class while it runs. */
    private static final Map<Class<?>, PostgresDatabase> BY_TEST_CLASS = new ConcurrentHashMap<>();

    private final String name;
    private boolean dropped;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code flightdeck_test_<random>}; throws with instructions if PostgreSQL is not reachable. */
    public static PostgresDatabase create() {
        String name = "flightdeck_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        return new PostgresDatabase(name);
    }

    static PostgresDatabase forTestClass(Class<?> testClass) {
        return BY_TEST_CLASS.computeIfAbsent(testClass, c -> create());
    }

    static void dropForTestClass(Class<?> testClass) {
        PostgresDatabase database = BY_TEST_CLASS.remove(testClass);
        if (database != null) {
            database.close();
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "jdbc:postgresql://" + HOST_PORT + "/" + name;
    }

    /** The default datasource pointed at this database, Flyway on, no HTTP port taken. */
    public Map<String, String> micronautProperties() {
        return Map.of(
                "datasources.default.url", url(),
                "datasources.default.username", USER,
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES",
                "micronaut.server.port", "-1");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** Drops the database, ending the connections still open to it (the test's pool is not closed yet). */
    @Override
    public void close() {
        if (dropped) {
            return;
        }
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            // WITH (FORCE) (PostgreSQL 13+) terminates the remaining sessions first.
            statement.execute("DROP DATABASE IF EXISTS " + name.toLowerCase(Locale.ROOT) + " WITH (FORCE)");
            dropped = true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    private static Connection admin() throws SQLException {
        try {
            return DriverManager.getConnection(ADMIN_URL, USER, "");
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL is not reachable at " + ADMIN_URL + " as " + USER + " (" + e.getMessage()
                    + "); " + HOW_TO_START, e.getSQLState(), e);
        }
    }
}
