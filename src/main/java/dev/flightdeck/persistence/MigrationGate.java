package dev.flightdeck.persistence;

import dev.flightdeck.ready.DatabaseReady;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Start-up without waiting for the schema: with {@code flyway.datasources.default.async: true} Micronaut Flyway migrates
 * on a background thread once the pool exists, and the service (the Slack edge above all) comes up meanwhile. This
 * puts {@link GatedDataSource} in front of the default pool, so nothing reads or writes a half-migrated database, and
 * marks {@link DatabaseReady} when Flyway says it is done ({@link MigrationFinishedEvent}) or failed
 * ({@link MigrationFailures}). It wraps the pool first (ordered before Micronaut Data's contextual proxy, which then
 * wraps the gate, so every Micronaut Data connection passes it); Flyway gets the bare pool through
 * {@link GateAwareDataSourceResolver}. Migrating in the foreground (async false, or Flyway off): ready at once.
 */
@Singleton
@Order(-1000)
public class MigrationGate implements BeanCreatedEventListener<DataSource>, ApplicationEventListener<MigrationFinishedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationGate.class);
    static final String DEFAULT = "default";

    private final BeanContext context;
    private final DatabaseReady ready;
    private final Duration maxWait;
    private volatile long started;

    public MigrationGate(BeanContext context, DatabaseReady ready,
                         @Value("${flightdeck.database.ready-wait:20s}") Duration maxWait) {
        this.context = context;
        this.ready = ready;
        this.maxWait = maxWait;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanDefinition() instanceof NameResolver resolver ? resolver.resolveName().orElse(DEFAULT) : DEFAULT;
        if (!DEFAULT.equals(name)) {
            return event.getBean();
        }
        boolean background = context.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(name))
                .filter(f -> f.isEnabled() && f.isAsync()).isPresent();
        if (!background) {
            ready.markReady();
            return event.getBean();
        }
        started = System.nanoTime();
        LOG.info("Database migrations run in the background; requests that need the database wait for them (at most {} s)",
                maxWait.toSeconds());
        return new GatedDataSource(event.getBean(), ready, maxWait);
    }

    @Override
    public void onApplicationEvent(MigrationFinishedEvent event) {
        if (event.getSource() instanceof FlywayConfigurationProperties flyway && DEFAULT.equals(flyway.getNameQualifier())) {
            if (!ready.isReady()) {
                LOG.info("Database migrated in {} ms; ready", (System.nanoTime() - started) / 1_000_000);
            }
            ready.markReady();
        }
    }
}
