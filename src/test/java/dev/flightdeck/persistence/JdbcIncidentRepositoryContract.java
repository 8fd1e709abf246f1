package dev.flightdeck.persistence;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.SetupStep;
import dev.flightdeck.incident.TimelineEntry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What exactly-once relies on, on a real database: conditional claims, one resolve, timeline dedup. */
abstract class JdbcIncidentRepositoryContract {

    @Inject
    IncidentRepository repository;

    @Inject
    DataSource dataSource;

    final Instant t0 = Instant.parse("2026-11-24T10:00:00.123456Z");

    Incident declare(Severity severity) {
        return repository.create(new IncidentRepository.NewIncident("Checkout down", severity, "U1", "C1", t0,
                Optional.of(t0.plus(Duration.ofMinutes(30)))));
    }

    @Test
    void anIncidentIsStoredAndFoundByNumberAndChannelOnce() {
        Incident created = declare(Severity.SEV1);
        assertThat(repository.find(created.number())).contains(created);
        assertThat(created.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(created.startedAt()).isEqualTo(t0);
        String channel = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        repository.setChannel(created.number(), channel, "inc-1-checkout-down");
        repository.setChannel(created.number(), "CSECOND", "inc-1-checkout-down-2");
        assertThat(repository.findByChannel(channel).map(Incident::number)).contains(created.number());
        assertThat(repository.findByChannel("CSECOND")).isEmpty();
        assertThat(repository.open()).extracting(Incident::number).contains(created.number());
    }

    @Test
    void aDeclarationIsHeldByOneRunUntilItsLeaseExpiresAndNeverAfterItCompletes() {
        long n = declare(Severity.SEV2).number();
        assertThat(repository.claimSetup(n, t0, t0.plusSeconds(120))).isTrue();
        assertThat(repository.claimSetup(n, t0.plusSeconds(60), t0.plusSeconds(180))).isFalse();
        assertThat(repository.stalledSetups(t0.plusSeconds(60))).extracting(Incident::number).doesNotContain(n);
        assertThat(repository.stalledSetups(t0.plusSeconds(121))).extracting(Incident::number).contains(n);
        assertThat(repository.claimSetup(n, t0.plusSeconds(121), t0.plusSeconds(241))).isTrue();
        repository.markStep(n, SetupStep.PIN, t0);
        repository.markSetupComplete(n);
        assertThat(repository.find(n).orElseThrow().stepsDone()).containsExactly(SetupStep.PIN);
        assertThat(repository.claimSetup(n, t0.plusSeconds(999), t0.plusSeconds(2000))).isFalse();
    }

    /**
     * The previous version had a fifth step, the separate ask for a communicator, marked in communicator_asked_at:
     * the column stays (a replica of that version may still write it during a rolling upgrade) and is not read.
     */
    @Test
    void aRowThePreviousVersionMarkedAskedForACommunicatorReadsWithItsStepsAndResumes() throws Exception {
        long n = declare(Severity.SEV2).number();
        for (SetupStep step : SetupStep.values()) {
            repository.markStep(n, step, t0);
        }
        DataSource db = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE incident SET communicator_asked_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(t0));
            s.setLong(2, n);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Incident read = repository.find(n).orElseThrow();
        assertThat(read.stepsDone()).containsExactlyInAnyOrder(SetupStep.values());
        assertThat(read.setupComplete()).isFalse();
        assertThat(repository.claimSetup(n, t0, t0.plusSeconds(120))).isTrue();
        assertThat(repository.stalledSetups(t0.plusSeconds(121))).extracting(Incident::number).contains(n);
    }

    @Test
    void everyStatusButResolvedIsOpen() {
        long n = declare(Severity.SEV2).number();
        for (IncidentStatus status : IncidentStatus.values()) {
            if (status == IncidentStatus.RESOLVED) {
                continue;
            }
            repository.recordUpdate(n, status, t0, Optional.empty());
            assertThat(repository.open()).as(status.name()).extracting(Incident::number).contains(n);
        }
        repository.resolve(n, t0, new Incident.SummaryText("s", "a", "w", "p"));
        assertThat(repository.open()).extracting(Incident::number).doesNotContain(n);
    }

    @Test
    void theNextDueTimeIsTheEarliestReminderOfAnOpenIncidentAndEndsWhenItIsResolved() {
        Instant early = Instant.parse("2001-02-03T04:05:06Z");
        long n = repository.create(new IncidentRepository.NewIncident("Old pager", Severity.SEV2, "U1", "C1", early,
                Optional.of(early))).number();
        repository.markSetupComplete(n);
        assertThat(repository.nextDue()).contains(early);
        repository.resolve(n, t0, new Incident.SummaryText("s", "a", "w", "p"));
        assertThat(repository.nextDue()).isNotEqualTo(Optional.of(early));
    }

    @Test
    void aDueReminderIsClaimedOnce() {
        Incident incident = declare(Severity.SEV1);
        Instant due = incident.nextReminderAt().orElseThrow();
        Instant later = due.plusSeconds(5);
        assertThat(repository.dueReminders(due.minusSeconds(1))).extracting(Incident::number).doesNotContain(incident.number());
        assertThat(repository.dueReminders(later)).extracting(Incident::number).contains(incident.number());
        assertThat(repository.claimReminder(incident.number(), due, Optional.of(later.plus(Duration.ofMinutes(30))))).isTrue();
        assertThat(repository.claimReminder(incident.number(), due, Optional.of(later.plus(Duration.ofMinutes(30))))).isFalse();
        assertThat(repository.dueReminders(later)).extracting(Incident::number).doesNotContain(incident.number());
    }

    @Test
    void updatesKeepTheFirstUpdateTimeAndResolveHappensOnce() {
        long n = declare(Severity.SEV2).number();
        Instant first = t0.plus(7, ChronoUnit.MINUTES);
        repository.recordUpdate(n, IncidentStatus.IDENTIFIED, first, Optional.empty());
        repository.recordUpdate(n, IncidentStatus.MONITORING, first.plusSeconds(600), Optional.empty());
        repository.setRole(n, IncidentRole.COMMUNICATOR, "U2");
        Incident updated = repository.find(n).orElseThrow();
        assertThat(updated.firstUpdateAt()).contains(first);
        assertThat(updated.lastUpdateAt()).contains(first.plusSeconds(600));
        assertThat(updated.status()).isEqualTo(IncidentStatus.MONITORING);
        assertThat(updated.communicatorId()).contains("U2");

        Incident.SummaryText parts = new Incident.SummaryText("s", "a", "w", "p");
        assertThat(repository.resolve(n, first.plusSeconds(3600), parts)).isTrue();
        assertThat(repository.resolve(n, first.plusSeconds(3700), parts)).isFalse();
        Incident resolved = repository.find(n).orElseThrow();
        assertThat(resolved.resolvedAt()).contains(first.plusSeconds(3600));
        assertThat(resolved.summary()).contains(parts);
        assertThat(resolved.nextReminderAt()).isEmpty();
        assertThat(repository.open()).extracting(Incident::number).doesNotContain(n);
    }

    @Test
    void aTimelineEntryWithADedupKeyIsStoredOnce() {
        long n = declare(Severity.SEV3).number();
        TimelineEntry pinned = new TimelineEntry(t0.plusSeconds(5), "U3", TimelineEntry.Kind.PINNED, "failing over");
        assertThat(repository.addTimeline(n, pinned, Optional.of("message:1.2"))).isTrue();
        assertThat(repository.addTimeline(n, pinned, Optional.of("message:1.2"))).isFalse();
        TimelineEntry note = new TimelineEntry(t0.plusSeconds(1), "U1", TimelineEntry.Kind.NOTE, "paged");
        assertThat(repository.addTimeline(n, note, Optional.empty())).isTrue();
        assertThat(repository.addTimeline(n, note, Optional.empty())).isTrue();
        assertThat(repository.timeline(n)).containsExactly(note, note, pinned);
    }

    @Test
    void pastIncidentsComeAPageAtATimeNewestFirstResolvedOnlyAndOfTheChosenSeverity() {
        Instant from = Instant.parse("1995-03-01T00:00:00Z");   // a period of its own: other tests write around t0
        java.util.List<Long> sev3 = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Severity severity = i % 2 == 0 ? Severity.SEV3 : Severity.SEV1;
            long n = repository.create(new IncidentRepository.NewIncident("Lag " + i, severity, "U1", "C1",
                    from.plus(Duration.ofHours(i)), Optional.empty())).number();
            if (i != 6) {
                repository.resolve(n, from.plus(Duration.ofHours(i)).plusSeconds(60), new Incident.SummaryText("s", "a", "w", "p"));
                if (severity == Severity.SEV3) {
                    sev3.add(0, n);
                }
            }
        }
        Instant until = from.plus(Duration.ofDays(1));
        var first = repository.resolvedPage(from, until, Optional.of(Severity.SEV3), Long.MAX_VALUE, 2);
        assertThat(first).extracting(Incident::number).containsExactly(sev3.get(0), sev3.get(1));
        var older = repository.resolvedPage(from, until, Optional.of(Severity.SEV3), sev3.get(1), 2);
        assertThat(older).extracting(Incident::number).containsExactly(sev3.get(2));
        assertThat(repository.resolvedPage(from, until, Optional.empty(), Long.MAX_VALUE, 10)).hasSize(6)
                .allMatch(i -> !i.isOpen());
        assertThat(repository.resolvedPage(from.plus(Duration.ofHours(5)), until, Optional.empty(), Long.MAX_VALUE, 10))
                .extracting(Incident::title).containsExactly("Lag 5");
    }
}
