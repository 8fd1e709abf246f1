package dev.flightdeck.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The embedded H2 database holds audit events, incident timelines and deploy history: readable by its owner only. The
 * data directory is created 0700 before the pool opens the database (the configuration bean exists before the pool),
 * and once started the database's files are set to 0600; files H2 adds later sit in that directory.
 */
@Singleton
public class H2FilePermissions implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(H2FilePermissions.class);
    private volatile Path database;

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        databaseFile(config.getUrl()).ifPresent(base -> {
            database = base;
            Path dir = base.getParent();
            if (dir != null && !Files.exists(dir) && posix()) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (IOException e) {
                    LOG.warn("Could not create the data directory {} owner-only: {}", dir, e.toString());
                }
            }
        });
        return config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Path base = database;
        if (base == null || base.getParent() == null || !posix()) {
            return;
        }
        String prefix = base.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(base.getParent(), f -> f.getFileName().toString()
                .startsWith(prefix) && Files.isRegularFile(f))) {
            for (Path file : files) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            LOG.warn("Could not make the database files under {} owner-only: {}", base.getParent(), e.toString());
        }
    }

    /** The database's base path for an embedded H2 file URL; empty for in-memory, server URLs and other databases. */
    public static Optional<Path> databaseFile(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String location = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")
                || location.startsWith("zip:") || location.startsWith("nio")) {
            return Optional.empty();
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return Optional.of(Path.of(location).toAbsolutePath().normalize());
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
