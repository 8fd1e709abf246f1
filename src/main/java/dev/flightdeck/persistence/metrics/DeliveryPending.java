package dev.flightdeck.persistence.metrics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Queues a finished deploy for the daily rollup, in the caller's transaction (the deploy's own write): a deploy that
 * finished is queued exactly when its finish commits, so no figure is lost, and {@link JdbcDeliveryRollup} claims each
 * queued deploy once.
 */
@Singleton
public class DeliveryPending {

    private final JdbcOperations jdbc;

    public DeliveryPending(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long deployId) {
        jdbc.prepareStatement("INSERT INTO delivery_pending (deploy_id) VALUES (?)", ps -> {
            ps.setLong(1, deployId);
            return ps.executeUpdate();
        });
    }
}
