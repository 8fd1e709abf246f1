package dev.flightdeck.ops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code backup FILE} and {@code restore FILE} for the embedded H2 database, run as
 * {@code java -jar flightdeck.jar backup FILE} without starting the service.
 *
 * <p>The backup is H2's {@code SCRIPT}: a plain SQL script of the schema, every row, the Flyway history and
 * the audit trigger, written inside one repeatable-read transaction while the database may be in use. Restore runs it
 * with {@code RUNSCRIPT} into a database that must be empty, so a restore never mixes two histories.
 *
 * <p>The database is the one the service uses: {@code DATASOURCES_DEFAULT_URL} / {@code _USERNAME} /
 * {@code _PASSWORD}, else the default file database. An embedded H2 file is locked by the process that has it open,
 * so an online backup of a running Flightdeck needs that Flightdeck started with {@code ;AUTO_SERVER=TRUE} on its URL;
 * the default URL does not have it, because AUTO_SERVER opens a TCP server for the database that accepts other hosts
 * (see docs/RUNBOOK.md).
 * PostgreSQL is backed up with {@code pg_dump}, not here.
 */
public final class H2BackupCommand {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";

    /** The default of application.yml; kept equal by a test. */
    static final String DEFAULT_URL =
            "jdbc:h2:file:./data/flightdeck;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private H2BackupCommand() {
    }

    public static boolean handles(String command) {
        return BACKUP.equals(command) || RESTORE.equals(command);
    }

    /** Exit code: 0 done, 1 failed, 2 usage. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !handles(args.get(0))) {
            err.println("usage: flightdeck backup FILE | flightdeck restore FILE");
            return 2;
        }
        String url = env.getOrDefault("DATASOURCES_DEFAULT_URL", DEFAULT_URL);
        String user = env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "sa");
        String password = env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", "");
        if (!url.startsWith("jdbc:h2:")) {
            err.println("The database is not H2 (" + url.substring(0, url.indexOf(':', 5) + 1)
                    + "...): back it up with pg_dump -Fc and restore with pg_restore; see docs/RUNBOOK.md.");
            return 1;
        }
        Path file = Path.of(args.get(1)).toAbsolutePath();
        try {
            if (BACKUP.equals(args.get(0))) {
                if (Files.exists(file)) {
                    err.println(file + " already exists; a backup never overwrites a file.");
                    return 1;
                }
                backup(url, user, password, file);
                out.println("Backed up " + redacted(url) + " to " + file);
            } else {
                if (!Files.isReadable(file)) {
                    err.println("Cannot read " + file);
                    return 1;
                }
                restore(url, user, password, file);
                out.println("Restored " + file + " into " + redacted(url));
            }
            return 0;
        } catch (NotEmpty e) {
            err.println(e.getMessage());
            return 1;
        } catch (SQLException e) {
            err.println(args.get(0) + " failed: " + explain(e));
            return 1;
        }
    }

    public static void backup(String url, String user, String password, Path file) throws SQLException {
        // IFEXISTS: a mistyped URL must fail, not back up a fresh empty database H2 would create for it.
        try (Connection connection = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password)) {
            // One repeatable-read transaction, so the script is one snapshot while the service keeps writing.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement script = connection.prepareStatement("SCRIPT TO ?")) {
                script.setString(1, file.toString());
                script.execute();
            }
            connection.commit();
        }
    }

    public static void restore(String url, String user, String password, Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            List<String> tables = tables(connection);
            if (!tables.isEmpty()) {
                throw new NotEmpty("The database " + redacted(url) + " is not empty (" + String.join(", ", tables)
                        + "); restore only into an empty one: stop Flightdeck, move its data files away, then restore.");
            }
            try (PreparedStatement run = connection.prepareStatement("RUNSCRIPT FROM ?")) {
                run.setString(1, file.toString());
                run.execute();
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    // A locked file is what an operator meets first: say what to do about it, not only H2's error code.
    private static String explain(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Database may be already in use") || message.contains("locked by another process")) {
            return "the database file is in use by a running Flightdeck. Stop it first, or run it with "
                    + ";AUTO_SERVER=TRUE on DATASOURCES_DEFAULT_URL for online backups (docs/RUNBOOK.md).";
        }
        return message.lines().findFirst().orElse(message);
    }

    // JDBC URLs may carry a password parameter; never print one.
    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static final class NotEmpty extends SQLException {
        NotEmpty(String message) {
            super(message);
        }
    }
}
