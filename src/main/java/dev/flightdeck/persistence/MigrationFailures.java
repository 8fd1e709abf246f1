package dev.flightdeck.persistence;

import dev.flightdeck.ready.DatabaseReady;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A migration of the default database that fails marks {@link DatabaseReady} failed, so whatever waits for the schema
 * stops waiting at once with the reason, and readiness says so (Flyway in the background has no caller to throw to).
 */
@Singleton
public class MigrationFailures implements BeanCreatedEventListener<FlywayConfigurationProperties> {

    private final DatabaseReady ready;

    public MigrationFailures(DatabaseReady ready) {
        this.ready = ready;
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        if (MigrationGate.DEFAULT.equals(flyway.getNameQualifier())) {
            var config = flyway.getFluentConfiguration();
            config.callbacks(Stream.concat(Arrays.stream(config.getCallbacks()), Stream.of(new Failed()))
                    .toArray(Callback[]::new));
        }
        return flyway;
    }

    private final class Failed implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            ready.markFailed(new IllegalStateException("Flyway could not migrate the database; see the log above"));
        }

        @Override
        public String getCallbackName() {
            return "flightdeck-migration-failed";
        }
    }
}
