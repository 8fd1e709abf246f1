package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ValueChange;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Reading a {@code config_change} row into the domain and binding instants, for {@link JdbcConfigChangeRepository}. */
final class ConfigChangeRows {

    private ConfigChangeRows() {
    }

    static ConfigChange read(ResultSet rs, List<String> approvedBy) throws SQLException {
        ConfigTarget target = new ConfigTarget(rs.getString("service"), rs.getString("environment"),
                rs.getString("config_key"), rs.getString("source"), rs.getString("value_type"));
        ValueChange value = new ValueChange(rs.getString("base_version"),
                Optional.ofNullable(rs.getString("old_plain_value")), Optional.ofNullable(rs.getString("new_plain_value")),
                rs.getString("old_fingerprint"), rs.getString("new_fingerprint"));
        String overrideBy = rs.getString("override_by");
        Optional<ConfigChange.RuleOverride> override = overrideBy == null ? Optional.empty()
                : Optional.of(new ConfigChange.RuleOverride(overrideBy, rs.getString("override_reason")));
        long revertOf = rs.getLong("revert_of");
        Optional<Long> revert = rs.wasNull() ? Optional.empty() : Optional.of(revertOf);
        ConfigChange.Timers timers = new ConfigChange.Timers(instant(rs, "proposed_at"), instant(rs, "next_nudge_at"),
                rs.getInt("nudges"), instant(rs, "expires_at"), instant(rs, "finished_at"));
        String channel = rs.getString("channel_id");
        Optional<ConfigChange.Message> message = channel == null ? Optional.empty()
                : Optional.of(new ConfigChange.Message(channel, rs.getString("message_ts")));
        return new ConfigChange(rs.getLong("id"), target, ChangeKind.valueOf(rs.getString("kind")), value,
                rs.getString("proposer_id"), ChangeState.valueOf(rs.getString("state")), approvedBy,
                RuleResultsJson.decode(rs.getString("rule_results")), rs.getBoolean("blocked"), override, revert,
                timers, message, rs.getString("new_version"), Optional.ofNullable(rs.getString("outcome")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** PostgreSQL keeps microseconds: truncated on the way in, so what is written is what is read (and compared). */
    static void set(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, at == null ? null : OffsetDateTime.ofInstant(micros(at), ZoneOffset.UTC));
    }

    static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
