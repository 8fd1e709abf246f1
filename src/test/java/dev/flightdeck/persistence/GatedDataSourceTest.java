package dev.flightdeck.persistence;

import dev.flightdeck.ready.DatabaseReady;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connections are held back until the schema is migrated: waited for, bounded, and a failed migration ends the wait. */
class GatedDataSourceTest {

    final JdbcDataSource h2 = new JdbcDataSource();

    GatedDataSourceTest() {
        h2.setURL("jdbc:h2:mem:gated-" + System.nanoTime());
    }

    @Test
    void aConnectionAskedForBeforeTheSchemaIsReadyIsGivenOnceItIs() throws Exception {
        DatabaseReady ready = new DatabaseReady();
        GatedDataSource gated = new GatedDataSource(h2, ready, Duration.ofSeconds(20));
        CompletableFuture<Boolean> valid = CompletableFuture.supplyAsync(() -> {
            try (Connection c = gated.getConnection()) {
                return c.isValid(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(valid).isNotDone();
        ready.markReady();
        assertThat(valid.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theWaitIsBoundedAndSaysWhy() {
        GatedDataSource gated = new GatedDataSource(h2, new DatabaseReady(), Duration.ofMillis(100));
        assertThatThrownBy(gated::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("still being migrated");
    }

    @Test
    void aFailedMigrationEndsEveryWaitAtOnce() {
        DatabaseReady ready = new DatabaseReady();
        ready.markFailed(new IllegalStateException("V7 failed"));
        GatedDataSource gated = new GatedDataSource(h2, ready, Duration.ofMinutes(5));
        long started = System.nanoTime();
        assertThatThrownBy(gated::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("migration failed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
