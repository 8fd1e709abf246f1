package dev.flightdeck.incident;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.audit.InMemoryAuditLog;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.incident.fakes.FakeIncidentChannels;
import dev.flightdeck.incident.fakes.FakePeople;
import dev.flightdeck.incident.fakes.InMemoryIncidentRepository;
import dev.flightdeck.people.PersonNames;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;
import dev.flightdeck.testing.MutableClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The incident domain wired to in-memory fakes of its ports: a team whose prod environment freezes at sev2 (approved
 * by U0LEAD and the release-managers group), incidents at the default update cadence, a clock that moves only when
 * told. No Micronaut, no database, no Slack.
 */
final class IncidentWorld {

    static final String DANA = "U0DANA";
    static final String EVE = "U0EVE";
    static final String LEAD = "U0LEAD";
    static final String RM = "U0RM";
    static final String OPS_CHANNEL = "C0OPS";

    final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    final InMemoryIncidentRepository repository = new InMemoryIncidentRepository();
    final FakeIncidentChannels channels = new FakeIncidentChannels();
    final FakePeople people = new FakePeople().inGroup("release-managers", RM);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final Auditor auditor = new Auditor(audit, payload -> new TreeMap<>(payload).toString(), clock);
    final TeamConfig team = new TeamConfig(Map.of("prod", prod()), Map.of(), IncidentsConfig.defaults(),
            WebhooksConfig.NONE);
    final FreezeLiftPolicy freezeLifts = new FreezeLiftPolicy(team, new ApprovalPolicy(people));
    /** What the lifecycle listeners heard, as "declared INC-1", "severity INC-1 sev3→sev1", "resolved INC-1". */
    final List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    final IncidentService incidents = new IncidentService(repository, auditor, clock, team, freezeLifts,
            new LifecycleListeners(List.of(new IncidentLifecycle() {
                @Override
                public void declared(Incident incident) {
                    throw new IllegalStateException("a listener that fails");
                }
            }, new IncidentLifecycle() {
                @Override
                public void declared(Incident incident) {
                    heard.add("declared " + incident.id());
                }

                @Override
                public void severityChanged(Incident incident, Severity before) {
                    heard.add("severity " + incident.id() + " " + before.label() + "→" + incident.severity().label());
                }

                @Override
                public void resolved(Incident incident) {
                    heard.add("resolved " + incident.id() + " " + incident.status().label());
                }
            })));
    final IncidentSetup setup = new IncidentSetup(repository, channels, auditor, clock);
    final IncidentResolution resolution = new IncidentResolution(incidents, repository, auditor, freezeLifts,
            new PersonNames(List.of(people)));

    /** Declares as {@code by} from the ops channel; the set-up in Slack is not run. */
    Incident declared(String title, Severity severity, String by) {
        return ((IncidentResult.Declared) incidents.declare(title, severity, by, OPS_CHANNEL)).incident();
    }

    /** Declares and runs the set-up, as the Slack feature does right after its ack. */
    Incident declaredAndSetUp(String title, Severity severity, String by) {
        Incident incident = declared(title, severity, by);
        setup.runFirst(incident.number());
        return stored(incident);
    }

    Incident stored(Incident incident) {
        return repository.find(incident.number()).orElseThrow();
    }

    List<String> timelineTexts(Incident incident) {
        return repository.timeline(incident.number()).stream().map(TimelineEntry::text).toList();
    }

    List<String> auditTypes() {
        return audit.all().stream().map(AuditEvent::type).toList();
    }

    private static EnvironmentConfig prod() {
        return new EnvironmentConfig("prod", new ChannelRef.Named("deploys"), 1,
                List.of(new ApproverRef.Group("release-managers"), new ApproverRef.User(LEAD)), false,
                Optional.empty(), Optional.of(Severity.SEV2), Set.of(Gate.FREEZE), true, Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofMinutes(5));
    }
}
