package dev.flightdeck.metrics;

/**
 * The daily rollup of finished deploys (port; JDBC in persistence/metrics). A deploy that finishes is queued in the
 * same transaction; {@link #foldPending} moves queued deploys into their days, each exactly once across replicas (a
 * queued deploy is claimed by deleting it from the queue, in the transaction that adds it to its days). Reports read
 * the days plus whatever is still queued, so a figure never waits for a fold.
 */
public interface DeliveryRollupStore {

    /** True when finished deploys wait to be rolled up. */
    boolean hasPending();

    /** Rolls up at most {@code limit} queued deploys, oldest first; returns how many this call claimed. */
    int foldPending(int limit);
}
