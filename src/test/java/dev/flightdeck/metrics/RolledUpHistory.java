package dev.flightdeck.metrics;

import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-memory {@link DeliveryHistory} that answers {@link #slice} the way the JDBC store does: whole UTC days inside
 * the period rolled up per (day, environment, service) and per (day, environment) for every service, the cut first
 * and last day raw, and the deploys {@code pending} says are not folded yet raw too.
 */
final class RolledUpHistory implements DeliveryHistory {

    final List<DeployFact> deploys;
    final List<IncidentFact> incidents;
    private final Predicate<DeployFact> pending;

    RolledUpHistory(List<DeployFact> deploys, List<IncidentFact> incidents, Predicate<DeployFact> pending) {
        this.deploys = List.copyOf(deploys);
        this.incidents = List.copyOf(incidents);
        this.pending = pending;
    }

    private static boolean change(DeployFact d) {
        return (d.succeeded() || d.failed()) && d.finishedAt().isPresent();
    }

    @Override
    public List<DeployFact> finishedBetween(Instant from, Instant to) {
        MetricsPeriod p = new MetricsPeriod(from, to);
        return deploys.stream().filter(RolledUpHistory::change).filter(d -> p.contains(d.finishedAt().get())).toList();
    }

    @Override
    public List<DeployFact> rollbacksRequestedBetween(Instant from, Instant to) {
        MetricsPeriod p = new MetricsPeriod(from, to);
        return deploys.stream().filter(DeployFact::isRollback).filter(d -> p.contains(d.requestedAt())).toList();
    }

    @Override
    public List<IncidentFact> incidentsBetween(Instant from, Instant to) {
        MetricsPeriod p = new MetricsPeriod(from, to);
        return incidents.stream().filter(i -> p.contains(i.startedAt()) || p.contains(i.resolvedAt().orElse(null))).toList();
    }

    @Override
    public boolean isEmpty() {
        return deploys.isEmpty() && incidents.isEmpty();
    }

    @Override
    public Set<String> servicesRolledUp() {
        Set<String> out = new HashSet<>();
        deploys.stream().filter(RolledUpHistory::change).filter(pending.negate()).forEach(d -> out.add(d.service()));
        return out;
    }

    private record Key(LocalDate day, String environment, Optional<String> service) {
    }

    @Override
    public DeliverySlice slice(MetricsPeriod period, List<String> environments, Set<String> services) {
        Instant fromDay = period.from().truncatedTo(ChronoUnit.DAYS);
        Instant wholeFrom = fromDay.equals(period.from()) ? fromDay : fromDay.plus(1, ChronoUnit.DAYS);
        Instant wholeTo = period.to().truncatedTo(ChronoUnit.DAYS);
        List<DeployFact> raw = new ArrayList<>();
        Map<Key, List<DeployFact>> cells = new HashMap<>();
        for (DeployFact d : finishedBetween(period.from(), period.to(), environments)) {
            Instant at = d.finishedAt().get();
            if (pending.test(d) || at.isBefore(wholeFrom) || !at.isBefore(wholeTo)) {
                raw.add(d);
                continue;
            }
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            cells.computeIfAbsent(new Key(day, d.environment(), Optional.empty()), k -> new ArrayList<>()).add(d);
            if (services.contains(d.service())) {
                cells.computeIfAbsent(new Key(day, d.environment(), Optional.of(d.service())), k -> new ArrayList<>()).add(d);
            }
        }
        List<DeliveryDay> days = new ArrayList<>();
        cells.forEach((k, list) -> {
            TreeMap<Long, Integer> leads = new TreeMap<>();
            List<Instant> successes = new ArrayList<>();
            for (DeployFact d : list) {
                if (d.succeeded()) {
                    leads.merge(ChronoUnit.MICROS.between(d.requestedAt(), d.finishedAt().get()), 1, Integer::sum);
                    if (k.service().isPresent()) {
                        successes.add(d.finishedAt().get());
                    }
                }
            }
            successes.sort(null);
            days.add(new DeliveryDay(k.day(), k.environment(), k.service(),
                    (int) list.stream().filter(DeployFact::succeeded).count(),
                    (int) list.stream().filter(DeployFact::failed).count(), LeadTimes.of(leads), successes));
        });
        return new DeliverySlice(days, raw);
    }
}
