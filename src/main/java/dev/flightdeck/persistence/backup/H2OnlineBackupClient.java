package dev.flightdeck.persistence.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The {@code backup} command's half of an online backup: see {@link H2OnlineBackup} for the protocol. */
final class H2OnlineBackupClient {

    private H2OnlineBackupClient() {
    }

    /**
     * Asks the running service at {@code socket} for the script and writes it to {@code file}. False when no service
     * listens there (no socket file, or one left by a stopped service); then the caller reads the file itself.
     */
    static boolean backup(Path socket, Path file) {
        if (!Files.exists(socket)) {
            return false;
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException e) {
            return false; // a stale socket file: nobody is listening
        } catch (IOException e) {
            throw new Failed("cannot reach the running Flightdeck at " + socket + " (" + e.getMessage() + ")");
        }
        // Written beside the target and moved into place when complete: a failed backup leaves no partial file.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (channel) {
            channel.write(ByteBuffer.wrap("backup\n".getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(channel);
            String status = readLine(in);
            if (!"OK".equals(status)) {
                throw new Failed("the running Flightdeck refused: " + (status.startsWith("ERR ") ? status.substring(4) : status));
            }
            Files.copy(in, partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new Failed("the running Flightdeck's answer broke off (" + e.getMessage() + ")");
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the message above is what the operator needs
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }
}
