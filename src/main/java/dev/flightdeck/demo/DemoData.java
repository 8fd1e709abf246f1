package dev.flightdeck.demo;

import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.metrics.DeliveryHistory;
import dev.flightdeck.metrics.MetricsSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar flightdeck.jar --demo}: fills an EMPTY database with four weeks of deploys and incidents over the
 * team config's own services and environments, relative to now, so a new user sees the pages and {@code /deploy stats}
 * working at once. A database with any deploy, incident or audit event is never touched: the demo says so in the
 * log and the service starts normally on the data it has (refusing to start would punish running the same command
 * twice). Writes go through the same repositories the service uses.
 */
@Singleton
public class DemoData {

    static final AuditType LOADED = new AuditType("demo.loaded", 1);
    static final int DAYS = 28;
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** What happened, for the log and the tests. */
    public sealed interface Outcome {
        record Loaded(int deploys, int incidents) implements Outcome {
        }

        record Refused(String why) implements Outcome {
        }
    }

    private final DeliveryHistory history;
    private final DeployRepository deploys;
    private final IncidentRepository incidents;
    private final Auditor auditor;
    private final TeamConfig config;
    private final Clock clock;

    public DemoData(DeliveryHistory history, DeployRepository deploys, IncidentRepository incidents, Auditor auditor,
                    TeamConfig config, Clock clock) {
        this.history = history;
        this.deploys = deploys;
        this.incidents = incidents;
        this.auditor = auditor;
        this.config = config;
        this.clock = clock;
    }

    public Outcome loadIfEmpty() {
        if (!history.isEmpty()) {
            return refused("the database already has deploys, incidents or audit events; demo data is only loaded "
                    + "into an empty database. Starting normally with the data it has.");
        }
        if (config.services().isEmpty() || config.environments().isEmpty()) {
            return refused("the team config has no services or no environments to make demo data for "
                    + "(set MICRONAUT_CONFIG_FILES=flightdeck.example.yml). Starting normally.");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<String> production = MetricsSettings.from(config).environments();
        int d = new DemoDeploys(config, deploys, production).write(now, DAYS);
        int i = new DemoIncidents(incidents).write(now, List.copyOf(config.services().keySet()));
        auditor.record(LOADED, "system:demo", Map.of("deploys", d, "incidents", i, "days", DAYS));
        LOG.info("Demo data loaded: {} deploy requests and {} incidents over the last {} days. Try /deploy stats "
                + "or the /delivery page.", d, i, DAYS);
        return new Outcome.Loaded(d, i);
    }

    private static Outcome refused(String why) {
        LOG.warn("--demo: not loading demo data: {}", why);
        return new Outcome.Refused(why);
    }
}
