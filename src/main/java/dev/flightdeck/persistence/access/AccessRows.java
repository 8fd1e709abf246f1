package dev.flightdeck.persistence.access;

import dev.flightdeck.incident.access.AccessGrant;
import dev.flightdeck.incident.access.AccessState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** One incident_access row as a {@link AccessGrant}, and the column helpers. */
final class AccessRows {

    private AccessRows() {
    }

    static AccessGrant read(ResultSet rs) throws SQLException {
        String end = rs.getString("end_reason");
        return new AccessGrant(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("requester"),
                rs.getString("permission_set"), rs.getString("permission_set_arn"), rs.getString("instance_arn"),
                rs.getString("account_id"), Duration.ofSeconds(rs.getLong("duration_seconds")), rs.getString("reason"),
                AccessState.valueOf(rs.getString("state")), rs.getInt("version"), instant(rs, "requested_at"),
                Optional.ofNullable(rs.getString("decided_by")), Optional.ofNullable(rs.getString("principal_id")),
                Optional.ofNullable(rs.getString("aws_request_id")), Optional.ofNullable(instant(rs, "granted_at")),
                Optional.ofNullable(instant(rs, "expires_at")), Optional.ofNullable(instant(rs, "due_at")),
                rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")),
                Optional.ofNullable(end).map(AccessGrant.End::valueOf), Optional.ofNullable(instant(rs, "ended_at")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** PostgreSQL keeps microseconds: truncated on the way in, so what is written is what is read. */
    static void set(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, at == null ? null
                : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
