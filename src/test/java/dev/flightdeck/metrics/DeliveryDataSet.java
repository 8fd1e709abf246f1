package dev.flightdeck.metrics;

import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed data set the figures are checked against by hand (week of Mon 2026-03-02 .. Sun 2026-03-08, UTC).
 * Also an in-memory {@link DeliveryHistory} that bounds its answers exactly as the SQL adapter does.
 */
final class DeliveryDataSet implements DeliveryHistory {

    static final MetricsPeriod WEEK = MetricsPeriod.ofDays(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"));

    final List<DeployFact> deploys = new ArrayList<>();
    final List<IncidentFact> incidents = new ArrayList<>();

    static DeliveryDataSet week() {
        DeliveryDataSet d = new DeliveryDataSet();
        // #1 commons prod: lead 1h; rolled back (#5 requested 4h later) -> failed change
        d.deploy(1, "commons", "prod", "SUCCEEDED", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", null);
        // #2 commons prod: lead 3h; the commons incident starts 25h later, outside the 24h window -> not failed
        d.deploy(2, "commons", "prod", "SUCCEEDED", "2026-03-03T09:00:00Z", "2026-03-03T12:00:00Z", null);
        // #3 commons prod: the build failed -> a change, and a failed one
        d.deploy(3, "commons", "prod", "FAILED", "2026-03-04T09:00:00Z", "2026-03-04T09:30:00Z", null);
        // #4 billing prod: lead 2h; "Billing API 500s" declared 2h later -> failed change
        d.deploy(4, "billing", "prod", "SUCCEEDED", "2026-03-05T08:00:00Z", "2026-03-05T10:00:00Z", null);
        // #5 commons prod, the rollback of #1: lead 30m, nothing follows it within 24h
        d.deploy(5, "commons", "prod", "SUCCEEDED", "2026-03-02T15:00:00Z", "2026-03-02T15:30:00Z", 1L);
        // #6 billing prod aborted by a person: not a change
        d.deploy(6, "billing", "prod", "ABORTED", "2026-03-05T11:00:00Z", "2026-03-05T11:10:00Z", null);
        // #7 commons dev: dev does not count
        d.deploy(7, "commons", "dev", "SUCCEEDED", "2026-03-03T08:00:00Z", "2026-03-03T08:05:00Z", null);
        // #8 web prod: lead 10h; "website down" does not name web as a word -> not failed
        d.deploy(8, "web", "prod", "SUCCEEDED", "2026-03-06T10:00:00Z", "2026-03-06T20:00:00Z", null);
        // #9 commons prod finished before the period: not counted
        d.deploy(9, "commons", "prod", "SUCCEEDED", "2026-03-01T20:00:00Z", "2026-03-01T23:00:00Z", null);
        // #10 billing prod: lead 1h; rolled back at 01:00 the day after the period ends (look-ahead) -> failed change
        d.deploy(10, "billing", "prod", "SUCCEEDED", "2026-03-08T22:00:00Z", "2026-03-08T23:00:00Z", null);
        // #11 the rollback of #10, requested after the period, still waiting
        d.deploy(11, "billing", "prod", "REQUESTED", "2026-03-09T01:00:00Z", null, 10L);

        d.incident(1, "Commons emails delayed", "2026-03-04T13:00:00Z", "2026-03-04T15:00:00Z");   // 2h
        d.incident(2, "Billing API 500s", "2026-03-05T12:00:00Z", "2026-03-05T12:45:00Z");         // 45m
        d.incident(3, "website down", "2026-03-06T21:00:00Z", "2026-03-07T01:00:00Z");             // 4h
        d.incident(4, "Old incident about commons", "2026-02-27T06:00:00Z", "2026-03-02T06:00:00Z"); // 72h
        d.incident(5, "Queue backlog", "2026-03-08T20:00:00Z", null);                               // open
        return d;
    }

    void deploy(long id, String service, String env, String state, String requested, String finished, Long rollbackOf) {
        deploys.add(new DeployFact(id, service, env, state, Instant.parse(requested),
                Optional.ofNullable(finished).map(Instant::parse), Optional.ofNullable(rollbackOf)));
    }

    void incident(long number, String title, String started, String resolved) {
        incidents.add(new IncidentFact(number, title, Instant.parse(started), Optional.ofNullable(resolved).map(Instant::parse)));
    }

    @Override
    public List<DeployFact> finishedBetween(Instant from, Instant to) {
        return deploys.stream().filter(d -> d.succeeded() || d.failed())
                .filter(d -> new MetricsPeriod(from, to).contains(d.finishedAt().orElse(null))).toList();
    }

    @Override
    public List<DeployFact> rollbacksRequestedBetween(Instant from, Instant to) {
        return deploys.stream().filter(DeployFact::isRollback)
                .filter(d -> new MetricsPeriod(from, to).contains(d.requestedAt())).toList();
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
}
