package dev.flightdeck.persistence.backup;

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
 * so while Flightdeck runs, {@code backup} asks it for the script over its local admin socket
 * ({@link H2OnlineBackup}); with no service running it opens the file itself. Both write the same script.
 * PostgreSQL is backed up with {@code pg_dump}, not here.
 */
public final class H2BackupCommand {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";

    /** The default of application.yml; kept equal by a test. */
    public static final String DEFAULT_URL =
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
                String how = backup(url, user, password, file);
                out.println("Backed up " + redacted(url) + " to " + file + " (" + how + ")");
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
        } catch (H2OnlineBackupClient.Failed e) {
            err.println("backup failed: " + e.getMessage());
            return 1;
        }
    }

    /** Returns how the backup was made, for the operator: from the running service or from the file. */
    public static String backup(String url, String user, String password, Path file) throws SQLException {
        var socket = H2AdminSocket.of(url);
        if (socket.isPresent() && H2OnlineBackupClient.backup(socket.get(), file)) {
            return "from the running Flightdeck";
        }
        // IFEXISTS: a mistyped URL must fail, not back up a fresh empty database H2 would create for it.
        try (Connection connection = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password)) {
            // One repeatable-read transaction, so the script is one snapshot even if something else writes.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            script(connection, file);
            connection.commit();
        }
        return "from the database file";
    }

    /** H2's SCRIPT of the whole database into {@code file}, on the caller's connection and transaction. */
    static void script(Connection connection, Path file) throws SQLException {
        try (PreparedStatement script = connection.prepareStatement("SCRIPT TO ?")) {
            script.setString(1, file.toString());
            script.execute();
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
            return "the database file is in use by a running Flightdeck whose admin socket did not answer (is `backup` run"
                    + " as the service's OS user, with the same DATASOURCES_DEFAULT_URL and working directory?). See"
                    + " docs/RUNBOOK.md; stopping Flightdeck and backing up the file also works.";
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
