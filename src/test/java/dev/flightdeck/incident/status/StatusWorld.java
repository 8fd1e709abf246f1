package dev.flightdeck.incident.status;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.audit.InMemoryAuditLog;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.incident.FreezeLiftPolicy;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.fakes.FakePeople;
import dev.flightdeck.incident.fakes.InMemoryIncidentRepository;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;
import dev.flightdeck.testing.MutableClock;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The status page's domain on in-memory fakes: services billing, search and web; alert links set by the test. */
final class StatusWorld {

    static final String DANA = "U0DANA";
    static final String EVE = "U0EVE";
    static final String STRANGER = "U0STRANGER";

    final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    final InMemoryIncidentRepository repository = new InMemoryIncidentRepository();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final Auditor auditor = new Auditor(audit, payload -> new TreeMap<>(payload).toString(), clock);
    final TeamConfig team = new TeamConfig(Map.of(), services("billing", "search", "web"), IncidentsConfig.defaults(),
            WebhooksConfig.NONE);
    final IncidentService incidents = new IncidentService(repository, auditor, clock, team,
            new FreezeLiftPolicy(team, new ApprovalPolicy(new FakePeople())));
    final InMemoryPublicUpdates store = new InMemoryPublicUpdates();
    /** Incident id → services its alerts came from. */
    final Map<String, Set<String>> alertLinks = new HashMap<>();
    final StatusPublishing publishing = new StatusPublishing(incidents, store, auditor, clock);
    final StatusPage page = new StatusPage(repository, store, List.of(services -> alertLinks), team, clock);

    Incident declared(String title, Severity severity) {
        return ((IncidentResult.Declared) incidents.declare(title, severity, DANA, "C0OPS")).incident();
    }

    Incident withCommunicator(Incident incident, String userId) {
        incidents.assignRole(Optional.of(incident.id()), null, IncidentRole.COMMUNICATOR, userId, DANA);
        return repository.find(incident.number()).orElseThrow();
    }

    PublishResult publish(Incident incident, String text, String by) {
        return publishing.update(Optional.of(incident.id()), null, Optional.empty(), text, by);
    }

    private static Map<String, ServiceConfig> services(String... names) {
        Map<String, ServiceConfig> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, new ServiceConfig(name, new BuildBackendConfig.CodeBuild(name + "-{env}"),
                    EnvConfigSettings.NONE, Optional.empty(), Map.of()));
        }
        return out;
    }
}
