package dev.flightdeck.demo;

import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.metrics.DeliveryFigures;
import dev.flightdeck.metrics.DeliveryHistory;
import dev.flightdeck.metrics.DeliveryMetrics;
import dev.flightdeck.metrics.DeliveryReport;
import dev.flightdeck.metrics.ServiceFigures;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** --demo fills an empty database with believable history, and never touches one that has data. */
class DemoDataTest {

    static final FakeSlack slack = new FakeSlack().start();

    @AfterAll
    static void stop() {
        slack.stop();
    }

    @Test
    void fillsAnEmptyDatabaseAtStartUpWithFourWeeksTheMetricsCanRead() {
        try (EmbeddedServer app = start(newDatabase(), true)) {
            var ctx = app.getApplicationContext();
            DeliveryHistory history = ctx.getBean(DeliveryHistory.class);
            assertThat(history.isEmpty()).isFalse();

            DeliveryReport report = ctx.getBean(DeliveryMetrics.class).lastDays(Optional.empty(), 28);
            DeliveryFigures f = report.overall();
            assertThat(report.environments()).containsExactly("prod");
            // ~20 weekdays, the first service on most of them: dozens of prod deploys, a handful of failed changes
            assertThat(f.deploys()).isBetween(15, 80);
            assertThat(f.failures()).isGreaterThanOrEqualTo(1);
            assertThat(f.rollbacks()).isGreaterThanOrEqualTo(1);
            assertThat(f.changeFailureRate()).hasValueSatisfying(r -> assertThat(r).isGreaterThan(0).isLessThan(0.5));
            assertThat(f.leadTimeMedian()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(5), Duration.ofHours(2)));
            assertThat(f.timeToRestoreMedian()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(30), Duration.ofHours(4)));
            assertThat(f.incidentsResolved()).isEqualTo(3);
            assertThat(report.services()).extracting(ServiceFigures::service).containsExactly("commons", "billing", "web", "reports");
            assertThat(report.services()).allSatisfy(s -> assertThat(s.figures().deploys()).isPositive());

            List<DeployRequest> commons = ctx.getBean(DeployRepository.class).history("commons", Optional.of("prod"), 500);
            DeployRepository deploys = ctx.getBean(DeployRepository.class);
            List<DeployRequest> all = report.services().stream()
                    .flatMap(s -> deploys.history(s.service(), Optional.of("prod"), 500).stream()).toList();
            assertThat(all).extracting(DeployRequest::state)
                    .contains(DeployState.SUCCEEDED, DeployState.FAILED, DeployState.REJECTED, DeployState.EXPIRED);
            assertThat(all).anyMatch(DeployRequest::isRollback);
            assertThat(all).anyMatch(r -> deploys.checks(r.id()).stream().anyMatch(c -> c.overridden()));
            DeployRequest succeeded = commons.stream().filter(r -> r.state() == DeployState.SUCCEEDED).findFirst().orElseThrow();
            assertThat(deploys.approvals(succeeded.id())).singleElement()
                    .satisfies(a -> assertThat(a.approverId()).isNotEqualTo(succeeded.requesterId()));
            assertThat(deploys.checks(succeeded.id())).extracting(c -> c.name()).contains("window", "lock", "alarms");
            assertThat(deploys.history("commons", Optional.of("dev"), 500)).isNotEmpty();

            IncidentRepository incidents = ctx.getBean(IncidentRepository.class);
            Instant now = ctx.getBean(Clock.class).instant();
            var facts = history.incidentsBetween(now.minus(Duration.ofDays(60)), now.plusSeconds(60));
            assertThat(facts).hasSize(4);
            List<Incident> stored = facts.stream().map(i -> incidents.find(i.number()).orElseThrow()).toList();
            List<Incident> resolved = stored.stream().filter(i -> i.status() == IncidentStatus.RESOLVED).toList();
            assertThat(resolved).hasSize(3).allSatisfy(i -> {
                Incident.SummaryText s = i.summary().orElseThrow();
                assertThat(List.of(s.summary(), s.affected(), s.whatHappened(), s.prevention())).allSatisfy(p -> assertThat(p).isNotBlank());
                assertThat(i.communicatorId()).isPresent();
                assertThat(incidents.timeline(i.number())).hasSizeGreaterThanOrEqualTo(5);
            });
            Incident open = stored.stream().filter(Incident::isOpen).findFirst().orElseThrow();
            assertThat(open.severity().name()).isEqualTo("SEV3");
            // The demo's made-up people have names of the demo's own, and nobody asks Slack about them.
            var names = ctx.getBean(dev.flightdeck.people.PersonNames.class).book(List.of(open.commanderId()));
            assertThat(names.of(open.commanderId())).isEqualTo("Chen Li");
            assertThat(slack.calls("users.info")).isEmpty();
            assertThat(open.setupComplete()).isTrue();

            // A second --demo on the same database refuses and changes nothing.
            int deployCount = all.size();
            var again = ctx.getBean(DemoData.class).loadIfEmpty();
            assertThat(again).isInstanceOf(DemoData.Outcome.Refused.class);
            assertThat(report.services().stream()
                    .mapToInt(s -> deploys.history(s.service(), Optional.of("prod"), 500).size()).sum()).isEqualTo(deployCount);
            assertThat(history.incidentsBetween(now.minus(Duration.ofDays(60)), now.plusSeconds(60))).hasSize(4);
        }
    }

    @Test
    void refusesADatabaseWithOnlyAnAuditEventAndStartsNormally() {
        String db = newDatabase();
        try (EmbeddedServer first = start(db, false)) {
            first.getApplicationContext().getBean(Auditor.class)
                    .record(new AuditType("test.something", 1), "U0SOMEONE", Map.of("k", "v"));
        }
        try (EmbeddedServer app = start(db, true)) {
            assertThat(app.isRunning()).isTrue();
            var ctx = app.getApplicationContext();
            Instant now = ctx.getBean(Clock.class).instant();
            DeliveryHistory history = ctx.getBean(DeliveryHistory.class);
            assertThat(history.finishedBetween(now.minus(Duration.ofDays(60)), now.plusSeconds(60))).isEmpty();
            assertThat(history.incidentsBetween(now.minus(Duration.ofDays(60)), now.plusSeconds(60))).isEmpty();
            var outcome = ctx.getBean(DemoData.class).loadIfEmpty();
            assertThat(outcome).isInstanceOf(DemoData.Outcome.Refused.class);
            assertThat(((DemoData.Outcome.Refused) outcome).why()).contains("already has");
        }
    }

    @Test
    void theDemoFlagBecomesAPropertyAndIsNotPassedOn() {
        String before = System.getProperty(DemoStartup.PROPERTY);
        try {
            assertThat(dev.flightdeck.ApplicationDemoFlag.strip(new String[]{"--demo", "-Dx=1"})).containsExactly("-Dx=1");
            assertThat(System.getProperty(DemoStartup.PROPERTY)).isEqualTo("true");
        } finally {
            if (before == null) {
                System.clearProperty(DemoStartup.PROPERTY);
            } else {
                System.setProperty(DemoStartup.PROPERTY, before);
            }
        }
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:demo-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private static EmbeddedServer start(String url, boolean demo) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("datasources.default.url", url);
        overrides.put(DemoStartup.PROPERTY, String.valueOf(demo));
        // No AWS call happens here; a closed local port spares starting moto_server for these apps.
        overrides.put("aws.endpoint-url", "http://127.0.0.1:9");
        overrides.put("aws.region", "us-east-1");
        return ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, overrides));
    }
}
