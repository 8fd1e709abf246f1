package dev.flightdeck.persistence;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's half of "audit events are never updated or deleted": installed by db/h2/V1_1__audit_append_only.sql
 * (H2 triggers are Java classes; PostgreSQL's twin is PL/pgSQL). The class name is in that migration: rename
 * both together.
 */
public class H2AuditAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        // SQLSTATE 42501 (insufficient privilege) is what PostgreSQL-minded callers expect for a refused write.
        throw new SQLException("audit_event is append-only: " + operation + " refused", "42501");
    }
}
