package dev.flightdeck.persistence;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database is created readable by its owner only: a 0700 directory, 0600 files. */
class H2FilePermissionsTest {

    @Test
    void aFreshDataDirectoryAndTheDatabaseFilesAreOwnerOnly(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        FakeSlack slack = new FakeSlack().start();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "datasources.default.url", "jdbc:h2:file:" + data.resolve("flightdeck")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")))) {
            assertThat(server.isRunning()).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(data)) {
                var dbFiles = files.filter(f -> f.getFileName().toString().startsWith("flightdeck.") && Files.isRegularFile(f))
                        .toList();
                assertThat(dbFiles).isNotEmpty().anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".mv.db"));
                for (Path f : dbFiles) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                            .isEqualTo("rw-------");
                }
            }
        } finally {
            slack.stop();
        }
    }
}
