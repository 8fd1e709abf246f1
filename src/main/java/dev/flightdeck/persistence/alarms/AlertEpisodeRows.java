package dev.flightdeck.persistence.alarms;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertEpisodeStore.Held;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.alarms.MetricRef;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading an {@code alert_episode} row into the domain, and the column rules, for {@link JdbcAlertEpisodeStore}. */
final class AlertEpisodeRows {

    static final int MAX_KEY = 1024;
    static final int MAX_REASON = 4000;
    private static final Gson GSON = new Gson();

    private AlertEpisodeRows() {
    }

    static Held read(ResultSet rs) throws SQLException {
        Alert alert = new Alert(rs.getString("source"), rs.getString("alert_key"), rs.getString("name"),
                rs.getString("service"), rs.getString("environment"), AlertState.valueOf(rs.getString("state")),
                rs.getString("reason"), Optional.ofNullable(rs.getString("metric")),
                Optional.ofNullable(rs.getString("threshold")), instant(rs, "reported_at"),
                Optional.ofNullable(rs.getString("runbook")).map(URI::create),
                Optional.ofNullable(rs.getString("link")).map(URI::create),
                Optional.ofNullable(rs.getString("graph")).map(AlertEpisodeRows::metric), rs.getString("event_id"));
        String channel = rs.getString("channel_id");
        Optional<AlertEpisode.Message> message = channel == null ? Optional.empty()
                : Optional.of(new AlertEpisode.Message(channel, rs.getString("message_ts")));
        AlertEpisode episode = new AlertEpisode(rs.getLong("id"), alert, instant(rs, "fired_at"),
                Optional.ofNullable(instant(rs, "ok_since")), Optional.ofNullable(rs.getString("acknowledged_by")),
                Optional.ofNullable(instant(rs, "acknowledged_at")), rs.getInt("flaps"), message,
                Optional.ofNullable(instant(rs, "next_nudge_at")), rs.getInt("nudges"),
                Optional.ofNullable(rs.getString("incident_id")));
        return new Held(episode, rs.getLong("version"), Optional.ofNullable(instant(rs, "ends_at")));
    }

    /** A key longer than the column (no monitor's is, today) is kept as its SHA-256: still one key per alert. */
    static String key(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String openKey(String source, String key) {
        return source + ":" + key(key);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String graph(MetricRef m) {
        JsonObject o = new JsonObject();
        o.addProperty("namespace", m.namespace());
        o.addProperty("metric", m.metric());
        o.add("dimensions", GSON.toJsonTree(m.dimensions()));
        o.addProperty("stat", m.stat());
        return o.toString();
    }

    static MetricRef metric(String json) {
        JsonObject o = GSON.fromJson(json, JsonObject.class);
        Map<String, String> dimensions = new LinkedHashMap<>();
        o.getAsJsonObject("dimensions").entrySet().forEach(d -> dimensions.put(d.getKey(), d.getValue().getAsString()));
        return new MetricRef(o.get("namespace").getAsString(), o.get("metric").getAsString(), dimensions,
                o.get("stat").getAsString());
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

    static void set(PreparedStatement ps, int index, Optional<Instant> at) throws SQLException {
        set(ps, index, at.orElse(null));
    }
}
