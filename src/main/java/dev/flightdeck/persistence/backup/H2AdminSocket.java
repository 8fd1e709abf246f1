package dev.flightdeck.persistence.backup;

import dev.flightdeck.persistence.H2FilePermissions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where a running Flightdeck on an embedded H2 file listens for {@code backup}: a Unix domain socket in a directory
 * beside the database file that only the service's OS user may enter ({@code ./data/flightdeck.admin/backup.sock}
 * for the default URL). No network port: whoever can connect could also read the database file itself.
 */
final class H2AdminSocket {

    static final String SOCKET = "backup.sock";

    private H2AdminSocket() {
    }

    /** The socket path for an H2 file URL; empty for in-memory, TCP/SSL server URLs and other databases. */
    static Optional<Path> of(String jdbcUrl) {
        return H2FilePermissions.databaseFile(jdbcUrl)
                .map(base -> base.resolveSibling(base.getFileName() + ".admin").resolve(SOCKET));
    }

    /** Creates the socket's directory as owner-only (0700), or makes an existing one so. */
    static void ownerOnlyDirectory(Path dir) throws IOException {
        var ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (Files.isDirectory(dir)) {
            Files.setPosixFilePermissions(dir, ownerOnly);
        } else {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
    }
}
