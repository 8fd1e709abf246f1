package dev.flightdeck.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * A {@code @MicronautTest} class that implements this runs on a fresh PostgreSQL database of its own
 * ({@link PostgresDatabase}), dropped after its last test. Contract tests extend their contract and implement this,
 * so the bootstrap is written once:
 *
 * <pre>{@code
 * @MicronautTest(transactional = false, startApplication = false)
 * class PostgresAuditLogTest extends JdbcAuditLogContract implements OnPostgres { }
 * }</pre>
 *
 * Extra settings: override {@link #getProperties()} and add to {@code OnPostgres.super.getProperties()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // Micronaut asks a TestPropertyProvider once per class instance
public interface OnPostgres extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return postgres().micronautProperties();
    }

    /** The database of this test class, made on first use. */
    default PostgresDatabase postgres() {
        return PostgresDatabase.forTestClass(getClass());
    }

    @AfterAll
    default void dropPostgresDatabase() {
        PostgresDatabase.dropForTestClass(getClass());
    }
}
