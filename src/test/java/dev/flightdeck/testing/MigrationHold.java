package dev.flightdeck.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Holds the start-up migrations (before the first one) until {@link #release()}, for tests of what the service does
 * while its database is being migrated. Only with {@code flightdeck.test.hold-migrations=true}; at most a minute.
 */
@Singleton
@Requires(property = MigrationHold.PROPERTY, value = "true")
public class MigrationHold implements BeanCreatedEventListener<FlywayConfigurationProperties> {

    public static final String PROPERTY = "flightdeck.test.hold-migrations";
    private final CountDownLatch released = new CountDownLatch(1);

    public void release() {
        released.countDown();
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        var config = event.getBean().getFluentConfiguration();
        config.callbacks(Stream.concat(Arrays.stream(config.getCallbacks()), Stream.of(new Hold())).toArray(Callback[]::new));
        return event.getBean();
    }

    private final class Hold implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String getCallbackName() {
            return "test-migration-hold";
        }
    }
}
