package dev.flightdeck.metrics;

import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The arithmetic behind {@link DeliveryFigures}, on facts already read: pure, so it is tested on hand-built data.
 * The facts must cover the period plus the failure window after it (successes late in the period can still be
 * followed by a rollback or incident just after it).
 */
final class DeliveryCalculator {

    private final MetricsSettings settings;
    private final List<DeployFact> finished;
    private final List<DeployFact> rollbacks;
    private final List<IncidentFact> incidents;

    DeliveryCalculator(MetricsSettings settings, List<DeployFact> finished, List<DeployFact> rollbacks,
                       List<IncidentFact> incidents) {
        this.settings = settings;
        this.finished = finished.stream().filter(d -> settings.counts(d.environment())).toList();
        this.rollbacks = rollbacks.stream().filter(d -> settings.counts(d.environment())).toList();
        this.incidents = List.copyOf(incidents);
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

        List<DeployFact> changes = finished.stream().filter(inScope)
                .filter(d -> d.succeeded() || d.failed())
                .filter(d -> period.contains(d.finishedAt().orElse(null))).toList();
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
        Instant done = success.finishedAt().orElseThrow();
        Instant until = done.plus(settings.failureWindow());
        Predicate<Instant> inWindow = t -> t.isAfter(done) && !t.isAfter(until);
        boolean rolledBack = rollbacks.stream().anyMatch(r -> r.service().equals(success.service())
                && r.environment().equals(success.environment()) && inWindow.test(r.requestedAt()));
        if (rolledBack) {
            return true;
        }
        Pattern name = ServiceNames.wordPattern(success.service());
        return incidents.stream().anyMatch(i -> inWindow.test(i.startedAt()) && ServiceNames.names(i.title(), name));
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
