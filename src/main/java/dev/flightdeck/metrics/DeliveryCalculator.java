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

/**
 * The arithmetic behind {@link DeliveryFigures}, on facts already read: pure, so it is tested on hand-built data.
 * Finished deploys come as a {@link DeliverySlice}: rolled-up whole days plus raw deploys, each deploy in one of the
 * two; a figure adds the days whose whole day lies in its period to the raw deploys finished in it. Rollbacks and
 * incidents must cover the period plus the failure window after it (successes late in the period can still be
 * followed by a rollback or incident just after it).
 */
final class DeliveryCalculator {

    private static final Duration DAY = Duration.ofDays(1);

    private final List<DeployFact> finished;
    private final List<Instant> finishedTimes;
    /** Rolled-up days by scope (empty: every service together), by start. */
    private final Map<Optional<String>, List<DeliveryDay>> days = new HashMap<>();
    private final Map<Optional<String>, List<Instant>> dayStarts = new HashMap<>();
    /** Successes followed by trouble (raw ones, and those of rolled-up days that could be), by finish time. */
    private final List<Troubled> troubled = new ArrayList<>();
    private final List<Instant> troubledTimes;
    private final List<DeployFact> rollbacks;
    private final Trouble trouble;
    private final Map<Optional<String>, ScopedIncidents> scopedIncidents = new HashMap<>();
    private final MetricsSettings settings;

    private record Troubled(String service, Instant at) {
    }

    DeliveryCalculator(MetricsSettings settings, List<DeployFact> finished, List<DeployFact> rollbacks,
                       List<IncidentFact> incidents) {
        this(settings, new DeliverySlice(List.of(), finished), rollbacks, new Trouble(settings, rollbacks, incidents));
    }

    /** @param trouble made of the same rollbacks and the incidents (one per report: its title index is built once) */
    DeliveryCalculator(MetricsSettings settings, DeliverySlice slice, List<DeployFact> rollbacks, Trouble trouble) {
        this.settings = settings;
        this.trouble = trouble;
        // By finish time, so that each figure (overall, per service, each of up to 52 buckets) takes its period's slice
        // by binary search rather than filtering the whole year again.
        this.finished = slice.finished().stream()
                .filter(d -> settings.counts(d.environment()) && d.finishedAt().isPresent())
                .sorted(Comparator.comparing((DeployFact d) -> d.finishedAt().get()).thenComparingLong(DeployFact::id))
                .toList();
        this.finishedTimes = this.finished.stream().map(d -> d.finishedAt().get()).toList();
        this.rollbacks = rollbacks.stream().filter(d -> settings.counts(d.environment())).toList();
        for (DeliveryDay d : slice.days()) {
            if (settings.counts(d.environment())) {
                days.computeIfAbsent(d.service(), k -> new ArrayList<>()).add(d);
            }
        }
        days.values().forEach(list -> list.sort(Comparator.comparing(DeliveryDay::day)));
        days.forEach((scope, list) -> dayStarts.put(scope, list.stream().map(DeliveryDay::start).toList()));
        for (DeployFact d : this.finished) {
            if (d.succeeded() && trouble.after(d.service(), d.environment(), d.finishedAt().get())) {
                troubled.add(new Troubled(d.service(), d.finishedAt().get()));
            }
        }
        days.forEach((scope, list) -> scope.filter(trouble::possibleFor).ifPresent(service -> {
            for (DeliveryDay d : list) {
                for (Instant at : d.successes()) {
                    if (trouble.after(service, d.environment(), at)) {
                        troubled.add(new Troubled(service, at));
                    }
                }
            }
        }));
        troubled.sort(Comparator.comparing(Troubled::at));
        this.troubledTimes = troubled.stream().map(Troubled::at).toList();
    }

    DeliveryReport report(Optional<String> service, List<String> services, MetricsPeriod period) {
        List<ServiceFigures> each = services.stream()
                .map(s -> new ServiceFigures(s, figures(Optional.of(s), period))).toList();
        Granularity granularity = Granularity.forPeriod(period);
        return new DeliveryReport(period, service, settings.environments(), settings.failureWindow(),
                figures(Optional.empty(), period), each, granularity, series(service, period, granularity));
    }

    DeliveryFigures figures(Optional<String> service, MetricsPeriod period) {
        Predicate<DeployFact> inScope = d -> service.map(s -> s.equals(d.service())).orElse(true);

        List<DeployFact> inPeriod = finished.subList(Trouble.firstAtOrAfter(finishedTimes, period.from()),
                Trouble.firstAtOrAfter(finishedTimes, period.to()));
        List<DeployFact> changes = inPeriod.stream().filter(inScope)
                .filter(d -> d.succeeded() || d.failed()).toList();
        List<DeployFact> successes = changes.stream().filter(DeployFact::succeeded).toList();
        int failures = (int) changes.stream().filter(DeployFact::failed).count();
        int changeCount = changes.size();
        int deploys = successes.size();
        long[] leadTimes = successes.stream()
                .mapToLong(d -> Duration.between(d.requestedAt(), d.finishedAt().orElseThrow()).toNanos()).sorted().toArray();
        List<LeadTimes> rolledLeadTimes = new ArrayList<>();
        for (DeliveryDay d : daysIn(service, period)) {
            deploys += d.succeeded();
            failures += d.failed();
            changeCount += d.succeeded() + d.failed();
            rolledLeadTimes.add(d.leadTimes());
        }
        int followed = 0;
        for (int i = Trouble.firstAtOrAfter(troubledTimes, period.from());
             i < troubled.size() && troubledTimes.get(i).isBefore(period.to()); i++) {
            if (service.isEmpty() || service.get().equals(troubled.get(i).service())) {
                followed++;
            }
        }
        ScopedIncidents scoped = scopedIncidents.computeIfAbsent(service, s -> new ScopedIncidents(trouble.of(s)));
        long[] restores = scoped.restores(period);
        int started = scoped.started(period);
        int rollbackCount = (int) rollbacks.stream().filter(inScope).filter(r -> period.contains(r.requestedAt())).count();

        long dayCount = period.days();
        int failed = failures + followed;
        return new DeliveryFigures(deploys, (double) deploys / dayCount, deploys * 7.0 / dayCount,
                changeCount, failed,
                changeCount == 0 ? Optional.empty() : Optional.of((double) failed / changeCount),
                Percentiles.of(leadTimes, rolledLeadTimes, 0.5), Percentiles.of(leadTimes, rolledLeadTimes, 0.9),
                Percentiles.ofNanos(restores, restores.length, 0.5), failures, rollbackCount, started, restores.length);
    }

    /** The scope's rolled-up days whose whole day lies in {@code period}. */
    private List<DeliveryDay> daysIn(Optional<String> service, MetricsPeriod period) {
        List<DeliveryDay> all = days.getOrDefault(service, List.of());
        List<Instant> starts = dayStarts.getOrDefault(service, List.of());
        List<DeliveryDay> out = new ArrayList<>();
        for (int i = Trouble.firstAtOrAfter(starts, period.from()); i < all.size() && starts.get(i).isBefore(period.to()); i++) {
            if (!starts.get(i).plus(DAY).isAfter(period.to())) {
                out.add(all.get(i));
            }
        }
        return out;
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
