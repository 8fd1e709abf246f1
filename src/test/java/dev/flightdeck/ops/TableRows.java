package dev.flightdeck.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every table of the public schema with every row (in a stable order) and every column's value. */
public final class TableRows {

    private TableRows() {
    }

    public static Map<String, List<List<Object>>> of(Connection c) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY table_name")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String table : names) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            Object value = r.getObject(i);
                            // Binary columns compare by content (a byte[] equals only itself).
                            row.add(value instanceof byte[] bytes ? "0x" + java.util.HexFormat.of().formatHex(bytes) : value);
                        }
                        rows.add(row);
                    }
                }
                // ORDER BY 1 is not total where the first column repeats; the full row's text is.
                rows.sort(java.util.Comparator.comparing(Object::toString));
                tables.put(table, rows);
            }
        }
        return tables;
    }
}
