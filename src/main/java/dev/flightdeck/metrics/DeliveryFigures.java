package dev.flightdeck.metrics;

import java.time.Duration;
import java.util.Optional;

/**
 * The four delivery figures (the DORA set) for one scope (one service, or all) over one period, counting only
 * the production environments named in the report. Empty {@link Optional}s mean "no data", never zero.
 *
 * <ul>
 *   <li><b>deploys</b>: deploys that SUCCEEDED with {@code finished_at} in the period. Deploy frequency is
 *       {@code deploys / period.days()} per day and {@code deploys * 7 / period.days()} per week.</li>
 *   <li><b>changes</b>: deploys that reached a build result in the period: SUCCEEDED or FAILED (by {@code finished_at}).
 *       Aborted deploys were stopped by a person and trigger failures never ran, so neither is a change.</li>
 *   <li><b>failedChanges</b>: changes that FAILED, plus successes followed within the failure window (after their
 *       {@code finished_at}) by a rollback request for the same service and environment, or by an incident whose
 *       title names the service (the service name as a whole word, case-insensitive). Each change counts once.</li>
 *   <li><b>changeFailureRate</b>: {@code failedChanges / changes}, in 0..1; empty when there were no changes.</li>
 *   <li><b>lead time</b>: {@code finished_at - requested_at} of each counted successful deploy (request to success,
 *       including waiting for approval and the build). Median and 90th percentile by the nearest-rank method: the
 *       value at rank {@code ceil(p * n)} of the sorted list (so the median of 4 values is the 2nd). Empty with no deploys.</li>
 *   <li><b>time to restore</b>: median {@code resolved_at - started_at} (nearest rank) of incidents resolved in the
 *       period — all incidents for the overall figures, the incidents naming the service for one service.</li>
 * </ul>
 *
 * @param failures          changes whose own build FAILED
 * @param rollbacks         rollback requests (any outcome) requested in the period
 * @param incidentsResolved incidents counted for time to restore
 * @param incidentsStarted  incidents (naming the service, for one service) declared in the period
 */
public record DeliveryFigures(int deploys,
                              double deploysPerDay,
                              double deploysPerWeek,
                              int changes,
                              int failedChanges,
                              Optional<Double> changeFailureRate,
                              Optional<Duration> leadTimeMedian,
                              Optional<Duration> leadTimeP90,
                              Optional<Duration> timeToRestoreMedian,
                              int failures,
                              int rollbacks,
                              int incidentsStarted,
                              int incidentsResolved) {

    public boolean hasDeploys() {
        return deploys > 0;
    }

    /** Nothing at all happened in this scope and period: no changes, rollbacks or incidents. */
    public boolean isEmpty() {
        return changes == 0 && rollbacks == 0 && incidentsStarted == 0 && incidentsResolved == 0;
    }
}
