package dev.flightdeck.persistence;

import dev.flightdeck.ready.DatabaseReady;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The database with its round-trip latency; readiness depends on it, and is DOWN while the schema is still being
 * migrated at start-up ({@link DatabaseReady}). Runs off the event loop.
 */
@Singleton
@Readiness
public class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;
    private final ExecutorService blocking;
    private final DatabaseReady ready;

    public DatabaseHealthIndicator(DataSource dataSource, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                                   DatabaseReady ready) {
        // The injected DataSource is bound to Micronaut Data's connection context; health wants a plain connection.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.blocking = blocking;
        this.ready = ready;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::check, blocking));
    }

    private HealthResult check() {
        if (!ready.isReady()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", ready.failure().isPresent() ? "migration failed" : "migrating");
            return HealthResult.builder("database", HealthStatus.DOWN).details(details).build();
        }
        long started = System.nanoTime();
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try {
                statement.execute("SELECT 1");
            } finally {
                // H2 keeps a statement's timeout as its session's (SET QUERY_TIMEOUT): left at 2 s it would cut off
                // the next slow query on this pooled connection, such as a year's delivery page.
                statement.setQueryTimeout(0);
            }
            status = HealthStatus.UP;
            details.put("state", "up");
            details.put("database", connection.getMetaData().getDatabaseProductName());
        } catch (Exception e) {
            status = HealthStatus.DOWN;
            details.put("state", "down");
            details.put("error", e.getClass().getSimpleName());
        }
        details.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        return HealthResult.builder("database", status).details(details).build();
    }
}
