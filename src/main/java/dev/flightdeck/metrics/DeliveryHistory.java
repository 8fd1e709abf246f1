package dev.flightdeck.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What metrics read (port): only the facts they need, each query bounded by time so a year of history is never
 * loaded for a week's figures. Adapters live in persistence/.
 */
public interface DeliveryHistory {

    /** A deploy request reduced to what metrics use. */
    record DeployFact(long id, String service, String environment, String state, Instant requestedAt,
                      Optional<Instant> finishedAt, Optional<Long> rollbackOf) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(state);
        }

        public boolean failed() {
            return "FAILED".equals(state);
        }

        public boolean isRollback() {
            return rollbackOf.isPresent();
        }
    }

    /** An incident reduced to what metrics use. */
    record IncidentFact(long number, String title, Instant startedAt, Optional<Instant> resolvedAt) {
    }

    /** Deploys that ended SUCCEEDED or FAILED with {@code finished_at} in {@code [from, to)}, any environment. */
    List<DeployFact> finishedBetween(Instant from, Instant to);

    /**
     * The same, in the counted {@code environments} only (all when empty): what the report reads, so a store can leave
     * the other environments' rows (staging's, as many as production's) in the database.
     */
    default List<DeployFact> finishedBetween(Instant from, Instant to, List<String> environments) {
        return finishedBetween(from, to).stream()
                .filter(d -> environments.isEmpty() || environments.contains(d.environment())).toList();
    }

    /** Rollback requests (any state) with {@code requested_at} in {@code [from, to)}, any environment. */
    List<DeployFact> rollbacksRequestedBetween(Instant from, Instant to);

    /** Incidents declared in {@code [from, to)} or resolved in {@code [from, to)}. */
    List<IncidentFact> incidentsBetween(Instant from, Instant to);

    /**
     * The period's finished deploys in the counted {@code environments} (all when empty) as a report reads them: whole
     * UTC days from the daily rollup where the store keeps one (each service's days only for {@code services}, every
     * service together always), the rest raw. Without a rollup (this default), all raw.
     */
    default DeliverySlice slice(MetricsPeriod period, List<String> environments, java.util.Set<String> services) {
        return new DeliverySlice(List.of(), finishedBetween(period.from(), period.to(), environments));
    }

    /**
     * Every service the rollup holds days of (whose names an incident title may contain); empty without a rollup, where
     * every deploy is read raw anyway.
     */
    default java.util.Set<String> servicesRolledUp() {
        return java.util.Set.of();
    }

    /** True when nothing at all is stored yet: no deploys, incidents or audit events (the demo data's guard). */
    boolean isEmpty();
}
