package dev.flightdeck.persistence;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.testing.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit store contract on PostgreSQL, in a database of its own that is dropped afterwards. */
@MicronautTest(transactional = false, startApplication = false)
class PostgresAuditLogTest extends JdbcAuditLogContract implements OnPostgres {

    @Override
    protected Connection rawConnection() throws SQLException {
        return postgres().connect();
    }

    @Test
    void postgresRefusesTruncateOfAuditRows() throws SQLException {
        AuditEvent event = event("config.changed", actor("carol"), t0, "{}");
        auditLog.append(event);

        try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("TRUNCATE audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }
}
