package dev.flightdeck.metrics;

import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The delivery arithmetic as it was before the daily rollup (issue 20, round 5), kept verbatim as the reference the
 * rolled-up figures are compared with ({@link DeliveryRollupEquivalenceTest}). Below, the original comment.
 *
 * The arithmetic behind {@link DeliveryFigures}, on facts already read: pure, so it is tested on hand-built data.
 * The facts must cover the period plus the failure window after it (successes late in the period can still be
 * followed by a rollback or incident just after it).
 */
final class RawDeliveryCalculator {

    private final MetricsSettings settings;
    private final List<DeployFact> finished;
    private final List<Instant> finishedTimes;
    private final List<DeployFact> rollbacks;
    private final List<IncidentFact> incidents;
    /**
     * Whether each success was followed by trouble, worked out once per report (the overall figures, each service and
     * each bucket ask again), from rollbacks by service and environment and incidents by start, both sorted by time:
     * a year of a big team's history is then a lookup per success, not every success against every incident.
     */
    private final Map<Long, Boolean> trouble = new HashMap<>();
    private final Map<String, List<Instant>> rollbackTimes = new HashMap<>();
    /** Each service's name pattern, compiled once per report rather than once per success. */
    private final Map<String, Pattern> patterns = new HashMap<>();
    private final List<IncidentFact> incidentsByStart;
    private final List<Instant> incidentStarts;

    RawDeliveryCalculator(MetricsSettings settings, List<DeployFact> finished, List<DeployFact> rollbacks,
                       List<IncidentFact> incidents) {
        this.settings = settings;
        // By finish time, so that each figure (overall, per service, each of up to 52 buckets) takes its period's slice
        // by binary search rather than filtering the whole year again.
        this.finished = finished.stream().filter(d -> settings.counts(d.environment()) && d.finishedAt().isPresent())
                .sorted(Comparator.comparing((DeployFact d) -> d.finishedAt().get()).thenComparingLong(DeployFact::id))
                .toList();
        this.finishedTimes = this.finished.stream().map(d -> d.finishedAt().get()).toList();
        this.rollbacks = rollbacks.stream().filter(d -> settings.counts(d.environment())).toList();
        this.incidents = List.copyOf(incidents);
        for (DeployFact r : this.rollbacks) {
            rollbackTimes.computeIfAbsent(r.service() + "\n" + r.environment(), k -> new ArrayList<>()).add(r.requestedAt());
        }
        rollbackTimes.values().forEach(times -> times.sort(Comparator.naturalOrder()));
        this.incidentsByStart = this.incidents.stream().sorted(Comparator.comparing(IncidentFact::startedAt)).toList();
        this.incidentStarts = incidentsByStart.stream().map(IncidentFact::startedAt).toList();
    }

    DeliveryReport report(Optional<String> service, List<String> services, MetricsPeriod period) {
        List<ServiceFigures> each = services.stream()
                .map(s -> new ServiceFigures(s, figures(Optional.of(s), period))).toList();
        Granularity granularity = Granularity.forPeriod(period);
        return new DeliveryReport(period, service, settings.environments(), settings.failureWindow(),
                figures(Optional.empty(), period), each, granularity, series(service, period, granularity));
    }

    DeliveryFigures figures(Optional<String> service, MetricsPeriod period) {
        Optional<Pattern> name = service.map(ServiceNames::wordPattern);
        Predicate<DeployFact> inScope = d -> service.map(s -> s.equals(d.service())).orElse(true);
        Predicate<IncidentFact> incidentInScope = i -> name.map(n -> ServiceNames.names(i.title(), n)).orElse(true);

        List<DeployFact> inPeriod = finished.subList(firstAtOrAfter(finishedTimes, period.from()),
                firstAtOrAfter(finishedTimes, period.to()));
        List<DeployFact> changes = inPeriod.stream().filter(inScope)
                .filter(d -> d.succeeded() || d.failed()).toList();
        List<DeployFact> successes = changes.stream().filter(DeployFact::succeeded).toList();
        int failures = (int) changes.stream().filter(DeployFact::failed).count();
        int followed = (int) successes.stream().filter(this::followedByTrouble).count();
        List<Duration> leadTimes = successes.stream()
                .map(d -> Duration.between(d.requestedAt(), d.finishedAt().orElseThrow())).toList();
        List<IncidentFact> scopedIncidents = incidents.stream().filter(incidentInScope).toList();
        List<Duration> restores = scopedIncidents.stream()
                .filter(i -> i.resolvedAt().isPresent() && period.contains(i.resolvedAt().get()))
                .map(i -> Duration.between(i.startedAt(), i.resolvedAt().get())).toList();
        int started = (int) scopedIncidents.stream().filter(i -> period.contains(i.startedAt())).count();
        int rollbackCount = (int) rollbacks.stream().filter(inScope).filter(r -> period.contains(r.requestedAt())).count();

        int deploys = successes.size();
        long days = period.days();
        int failed = failures + followed;
        return new DeliveryFigures(deploys, (double) deploys / days, deploys * 7.0 / days,
                changes.size(), failed,
                changes.isEmpty() ? Optional.empty() : Optional.of((double) failed / changes.size()),
                Percentiles.of(leadTimes, 0.5), Percentiles.of(leadTimes, 0.9), Percentiles.of(restores, 0.5),
                failures, rollbackCount, started, restores.size());
    }

    /** A rollback of the same service and environment, or an incident naming the service, within the window after. */
    private boolean followedByTrouble(DeployFact success) {
        return trouble.computeIfAbsent(success.id(), id -> troubleAfter(success));
    }

    private boolean troubleAfter(DeployFact success) {
        Instant done = success.finishedAt().orElseThrow();
        Instant until = done.plus(settings.failureWindow());
        List<Instant> rolledBackAt = rollbackTimes.getOrDefault(success.service() + "\n" + success.environment(), List.of());
        int r = firstAfter(rolledBackAt, done);
        if (r < rolledBackAt.size() && !rolledBackAt.get(r).isAfter(until)) {
            return true;
        }
        Pattern name = patterns.computeIfAbsent(success.service(), ServiceNames::wordPattern);
        for (int i = firstAfter(incidentStarts, done); i < incidentStarts.size() && !incidentStarts.get(i).isAfter(until); i++) {
            if (ServiceNames.names(incidentsByStart.get(i).title(), name)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first time at or after {@code t} in {@code sorted} (its size when none is). */
    private static int firstAtOrAfter(List<Instant> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first time after {@code t} in {@code sorted} (its size when none is). */
    private static int firstAfter(List<Instant> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private List<DeliveryBucket> series(Optional<String> service, MetricsPeriod period, Granularity granularity) {
        List<DeliveryBucket> out = new ArrayList<>();
        LocalDate day = period.firstDay();
        LocalDate last = period.lastDay();
        while (!day.isAfter(last)) {
            LocalDate end = day.plusDays(granularity.days());
            MetricsPeriod whole = MetricsPeriod.ofDays(day, end);
            // The first and last bucket keep to the period (lastDays ends now, not at midnight).
            Instant from = whole.from().isBefore(period.from()) ? period.from() : whole.from();
            Instant to = whole.to().isAfter(period.to()) ? period.to() : whole.to();
            DeliveryFigures f = figures(service, new MetricsPeriod(from, to));
            out.add(new DeliveryBucket(day, end.isAfter(last) ? last.plusDays(1) : end, f.deploys(), f.changes(),
                    f.failedChanges(), f.leadTimeMedian(), f.incidentsStarted()));
            day = end;
        }
        return out;
    }
}
