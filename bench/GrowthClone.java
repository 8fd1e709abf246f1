import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes N× of the growth benchmark's history from one team-year written through the service's repositories
 * (bench/Growth.java): each other (team, year) is that team-year copied in SQL, its ids moved past the original's,
 * its services renamed to the team's, its times moved back by whole years. Filling 100× through the repositories
 * would take hours on this machine (about 25 deploys a second under load); a copy is the same rows the repositories
 * wrote, and every measure still reads through the service. H2 and PostgreSQL: plain INSERT ... SELECT.
 */
final class GrowthClone {

    /** The tables a team-year writes, each with how its references move: column → the table it points into. */
    private static final Map<String, Map<String, String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("deploy_request", Map.of());
        TABLES.put("deploy_check", Map.of("request_id", "deploy_request"));
        TABLES.put("deploy_approval", Map.of("request_id", "deploy_request"));
        TABLES.put("post_release_check", Map.of("deploy_id", "deploy_request"));
        TABLES.put("incident", Map.of());
        TABLES.put("incident_timeline", Map.of("incident_id", "incident"));
        TABLES.put("audit_event", Map.of());
        // Part two's (bench/GrowthPartTwo.java): rows on the team-year's incidents move with them.
        TABLES.put("alert_episode", Map.of());
        TABLES.put("config_change", Map.of("revert_of", "config_change"));
        TABLES.put("config_change_approval", Map.of("change_id", "config_change"));
        TABLES.put("config_event", Map.of("change_id", "config_change"));
        TABLES.put("follow_up", Map.of("incident_number", "incident"));
        TABLES.put("incident_page", Map.of("incident_number", "incident"));
        TABLES.put("status_update", Map.of("incident_number", "incident"));
        TABLES.put("incident_access", Map.of("incident_id", "incident"));
        TABLES.put("slot_claim", Map.of());
        TABLES.put("flag_request", Map.of("kill_switch_incident", "incident"));
        TABLES.put("flag_request_approval", Map.of("request_id", "flag_request"));
    }

    private GrowthClone() {
    }

    /**
     * Copies team-year (0, 0) into every team-year, numbered so that ids follow time as they do in a real database
     * (older years lower, the teams of a year interleaved row by row), then drops the original rows, which the copy for
     * (0, 0) replaces; audit events are append-only, so theirs stay and are not copied for (0, 0). Returns how many
     * team-years were added.
     */
    static int multiply(DataSource pooled, boolean postgres, int teams, int years) throws SQLException {
        if (teams * years == 1) {
            return 0;
        }
        DataSource ds = DelegatingDataSource.unwrapDataSource(pooled);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            Map<String, Long> top = new LinkedHashMap<>();
            for (String table : TABLES.keySet()) {
                top.put(table, maxId(s, table, key(table)));
            }
            Ids ids = new Ids(top, teams, years);
            for (int year = years - 1; year >= 0; year--) {
                for (int team = 0; team < teams; team++) {
                    for (var t : TABLES.entrySet()) {
                        if (team == 0 && year == 0 && t.getKey().equals("audit_event")) {
                            continue;
                        }
                        s.executeUpdate(copy(c, t.getKey(), t.getValue(), ids, team, year, postgres));
                    }
                    c.commit();
                }
            }
            List<String> originals = new ArrayList<>(TABLES.keySet());
            originals.remove("audit_event");
            for (int i = originals.size() - 1; i >= 0; i--) {
                String table = originals.get(i);
                s.executeUpdate("DELETE FROM " + table + " WHERE " + key(table) + " <= " + top.get(table));
            }
            c.commit();
            // New rows written through the repositories after this (the present's items) get ids above the copies'.
            for (String table : TABLES.keySet()) {
                if (!table.equals("post_release_check")) {
                    long next = maxId(s, table, "id") + 1;
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
            }
            c.commit();
            requeueRollup(s);
            c.commit();
            return teams * years - 1;
        }
    }

    /**
     * The id a copied row gets: above every original id; a block per year, older years lower; within a year the
     * original's order (the repositories wrote it roughly in time order), each original row's teams side by side.
     */
    private record Ids(Map<String, Long> top, int teams, int years) {
        String of(String column, String table, int team, int year) {
            long span = top.get(table) + 1;
            long base = span + (long) (years - 1 - year) * span * teams + team;
            return "(" + column + " * " + teams + " + " + base + ")";
        }
    }

    /**
     * The daily rollup (delivery_day) is not copied: a copied team-year's deploys share days with the other teams'
     * (every service together is one row a day), so the rollup is made again from every finished deploy, queued as the
     * V27 migration queues an existing history, then folded through the service's own store (Growth).
     */
    static void requeueRollup(Statement s) throws SQLException {
        s.executeUpdate("DELETE FROM delivery_day");
        s.executeUpdate("DELETE FROM delivery_service");
        s.executeUpdate("DELETE FROM delivery_pending");
        s.executeUpdate("INSERT INTO delivery_pending (deploy_id) SELECT id FROM deploy_request"
                + " WHERE state IN ('SUCCEEDED', 'FAILED') AND finished_at IS NOT NULL");
    }

    /**
     * What autovacuum would have done to a database that lived through this history: the fill wrote (and the copy
     * deleted) hundreds of thousands of rows in minutes, and measuring before the planner has statistics for them
     * measured the fill, not the history (the scheduler pass at 100x: p50 8 ms before, against 1.4 ms at 1x).
     */
    static void settle(DataSource pooled, boolean postgres) throws SQLException {
        DataSource ds = DelegatingDataSource.unwrapDataSource(pooled);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE");
        }
    }

    /** {rolled up, finished}: every service together's days against the deploys they should hold; equal when whole. */
    static long[] rollupCheck(DataSource pooled) throws SQLException {
        DataSource ds = DelegatingDataSource.unwrapDataSource(pooled);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long rolled;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(succeeded + failed), 0) FROM delivery_day WHERE service = ''")) {
                rs.next();
                rolled = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM deploy_request"
                    + " WHERE state IN ('SUCCEEDED', 'FAILED') AND finished_at IS NOT NULL")) {
                rs.next();
                return new long[] {rolled, rs.getLong(1)};
            }
        }
    }

    private static String key(String table) {
        return table.equals("post_release_check") ? "deploy_id" : "id";
    }

    private static long maxId(Statement s, String table, String key) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + key + "), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String copy(Connection c, String table, Map<String, String> refs, Ids ids, int team, int year,
                               boolean postgres) throws SQLException {
        List<String> cols = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String col = md.getColumnName(i).toLowerCase();
                int type = md.getColumnType(i);
                cols.add(col);
                exprs.add(expression(table, col, type, refs, ids, team, year, postgres));
            }
        }
        String key = key(table);
        return "INSERT INTO " + table + " (" + String.join(", ", cols) + ") SELECT " + String.join(", ", exprs)
                + " FROM " + table + " WHERE " + key + " <= " + ids.top().get(table);
    }

    private static String expression(String table, String col, int type, Map<String, String> refs, Ids ids,
                                     int team, int year, boolean postgres) {
        int k = year * ids.teams() + team;
        if (col.equals(key(table))) {
            return ids.of(col, table.equals("post_release_check") ? "deploy_request" : table, team, year);
        }
        if (refs.containsKey(col)) {
            return ids.of(col, refs.get(col), team, year);
        }
        if (col.equals("rollback_of")) {
            return "CASE WHEN rollback_of IS NULL THEN NULL ELSE " + ids.of("rollback_of", "deploy_request", team, year)
                    + " END";
        }
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
            return year == 0 ? col : col + " - INTERVAL '" + 365L * year + "' DAY";
        }
        if (table.equals("deploy_request") && col.equals("service") && team > 0) {
            return "CASE service WHEN 'commons' THEN 't" + team + "-svc0' WHEN 'billing' THEN 't" + team
                    + "-svc1' WHEN 'web' THEN 't" + team + "-svc2' WHEN 'reports' THEN 't" + team
                    + "-svc3' ELSE REPLACE(service, 't0-', 't" + team + "-') END";
        }
        if (table.equals("incident") && col.equals("channel_id")) {
            return "CASE WHEN channel_id IS NULL THEN NULL ELSE channel_id || '-" + k + "' END";
        }
        if (table.equals("audit_event") && col.equals("event_id")) {
            return postgres ? "gen_random_uuid()" : "RANDOM_UUID()";
        }
        if (table.equals("alert_episode") && col.equals("open_key")) {
            return "CASE WHEN open_key IS NULL THEN NULL ELSE open_key || '-" + k + "' END";
        }
        if (table.equals("config_event") && col.equals("new_version")) {
            return "new_version || '-" + k + "'";
        }
        if (table.equals("incident_page") && col.equals("dedup_key")) {
            return "'INC-' || " + ids.of("incident_number", "incident", team, year) + " || ':' || target";
        }
        if (table.equals("follow_up") && col.equals("export_key")
                || table.equals("slot_claim") && (col.equals("held_key") || col.equals("active_key"))) {
            return "CASE WHEN " + col + " IS NULL THEN NULL ELSE " + col + " || '-" + k + "' END";
        }
        return col;
    }
}
