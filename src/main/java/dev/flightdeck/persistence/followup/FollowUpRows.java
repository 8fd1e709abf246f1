package dev.flightdeck.persistence.followup;

import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Reading a {@code follow_up} row and binding its values. */
final class FollowUpRows {

    private FollowUpRows() {
    }

    static FollowUp read(ResultSet rs) throws SQLException {
        FollowUp.Export export = new FollowUp.Export(FollowUp.ExportState.valueOf(rs.getString("export_state")),
                Optional.ofNullable(rs.getString("export_key")), Optional.ofNullable(rs.getString("export_url")),
                rs.getInt("export_attempts"), instant(rs, "export_next_at"),
                Optional.ofNullable(rs.getString("export_error")));
        return new FollowUp(rs.getLong("id"), rs.getLong("version"), rs.getLong("incident_number"),
                rs.getString("text"), Optional.ofNullable(rs.getString("link")), rs.getString("owner_id"),
                rs.getString("created_by"), instant(rs, "created_at").orElseThrow(),
                rs.getObject("due", java.time.LocalDate.class), FollowUpState.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("closed_by")), Optional.ofNullable(rs.getString("closed_why")),
                instant(rs, "closed_at"), instant(rs, "next_remind_at"), rs.getInt("reminders"), export);
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    }

    static void set(PreparedStatement ps, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) {
            ps.setObject(index, at.get().atOffset(ZoneOffset.UTC));
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
