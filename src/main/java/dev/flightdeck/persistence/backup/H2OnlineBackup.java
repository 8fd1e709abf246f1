package dev.flightdeck.persistence.backup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The running service's half of an online {@code backup}: an embedded H2 file is locked by the service, so the
 * {@code backup} command asks the service, over a Unix domain socket in an owner-only directory (see
 * {@link H2AdminSocket}), to write the SQL script from one repeatable-read transaction of its own pool and stream it
 * back. The protocol is one request line {@code backup}, answered by {@code OK} and the script, or {@code ERR reason}.
 * Nothing is listened on for in-memory databases or PostgreSQL (pg_dump does it there).
 */
@Singleton
@Requires(property = "flightdeck.backup.online", notEquals = "false")
public class H2OnlineBackup implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(H2OnlineBackup.class);

    private final String url;
    private final DataSource dataSource;
    private ServerSocketChannel server;
    private Path socket;

    public H2OnlineBackup(@Value("${datasources.default.url:}") String url, DataSource dataSource,
                          DataSourceResolver resolver) {
        this.url = url;
        // The pool itself: the injected DataSource only hands out a connection inside a Micronaut transaction.
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        H2AdminSocket.of(url).ifPresent(this::listen);
    }

    private synchronized void listen(Path path) {
        try {
            H2AdminSocket.ownerOnlyDirectory(path.getParent());
            // The service holds the H2 file lock, so a socket file left here is a previous run's: replace it.
            Files.deleteIfExists(path);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            socket = path;
            Thread accept = new Thread(this::serve, "h2-online-backup");
            accept.setDaemon(true);
            accept.start();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Online backups are off: cannot listen on {} ({}); `backup` needs Flightdeck stopped", path, e.toString());
        }
    }

    // A thread per request (backups are rare): a client that connects and never speaks cannot block the next one.
    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> handle(client), "h2-online-backup-request");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("Online backup socket failed: {}", e.toString());
                }
            }
        }
    }

    private void handle(SocketChannel channel) {
        try (SocketChannel client = channel) {
            answer(client);
        } catch (IOException e) {
            LOG.warn("Online backup request failed: {}", e.toString());
        }
    }

    private void answer(SocketChannel client) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(64);
        while (request.hasRemaining() && client.read(request) > 0 && request.get(request.position() - 1) != '\n') {
            // read the one request line
        }
        String line = new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII).strip();
        OutputStream out = Channels.newOutputStream(client);
        if (!"backup".equals(line)) {
            out.write("ERR unknown request\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        Path script = Files.createTempFile(socket.getParent(), "backup-", ".sql");
        try {
            long started = System.nanoTime();
            writeScript(script);
            out.write("OK\n".getBytes(StandardCharsets.US_ASCII));
            Files.copy(script, out);
            out.flush();
            LOG.info("Online backup streamed ({} bytes, {} ms)", Files.size(script), (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            out.write(("ERR " + e.getMessage().lines().findFirst().orElse("SQL error") + "\n").getBytes(StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    // One repeatable-read transaction: the script is one snapshot while the service keeps writing.
    private void writeScript(Path script) throws SQLException, IOException {
        Files.delete(script); // SCRIPT TO creates the file itself
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                H2BackupCommand.script(connection, script);
                connection.commit();
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    @PreDestroy
    synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            Files.deleteIfExists(socket);
        }
    }
}
