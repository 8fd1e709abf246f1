package dev.flightdeck.metrics;

import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.config.TeamConfigParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Figures on {@link DeliveryDataSet} against the arithmetic written out by hand below. */
class DeliveryMetricsTest {

    static final TeamConfig EXAMPLE = TeamConfigParser.parseFiles(List.of(Path.of("flightdeck.example.yml"))).orElseThrow();
    final Clock clock = Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC);
    final DeliveryMetrics metrics = new DeliveryMetrics(DeliveryDataSet.week(), EXAMPLE, clock);

    @Test
    void countsProductionOnlyWithADayOfFailureWindow() {
        assertThat(metrics.settings().environments()).containsExactly("prod");
        assertThat(metrics.settings().failureWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void overallFiguresMatchTheHandComputation() {
        DeliveryFigures f = metrics.report(Optional.empty(), DeliveryDataSet.WEEK).overall();
        // prod changes finished in the week: #1 S, #2 S, #3 F, #4 S, #5 S, #8 S, #10 S = 7 (#6 aborted, #7 dev, #9 before)
        assertThat(f.changes()).isEqualTo(7);
        assertThat(f.deploys()).isEqualTo(6);
        assertThat(f.deploysPerDay()).isCloseTo(6 / 7.0, within(1e-9));
        assertThat(f.deploysPerWeek()).isCloseTo(6.0, within(1e-9));
        // failed: #3 (build) + #1 (rollback #5 4h later) + #4 (billing incident 2h later) + #10 (rollback #11 2h later) = 4
        assertThat(f.failures()).isEqualTo(1);
        assertThat(f.failedChanges()).isEqualTo(4);
        assertThat(f.changeFailureRate()).hasValueSatisfying(r -> assertThat(r).isCloseTo(4 / 7.0, within(1e-9)));
        // lead times sorted: 30m, 1h, 1h, 2h, 3h, 10h -> median rank ceil(3)=3 -> 1h; p90 rank ceil(5.4)=6 -> 10h
        assertThat(f.leadTimeMedian()).contains(Duration.ofHours(1));
        assertThat(f.leadTimeP90()).contains(Duration.ofHours(10));
        // resolved in the week: 45m, 2h, 4h, 72h (#4 began before the week) -> median rank 2 -> 2h
        assertThat(f.incidentsResolved()).isEqualTo(4);
        assertThat(f.timeToRestoreMedian()).contains(Duration.ofHours(2));
        // declared in the week: #1, #2, #3, #5 = 4; rollbacks requested in the week: #5 only (#11 is after it)
        assertThat(f.incidentsStarted()).isEqualTo(4);
        assertThat(f.rollbacks()).isEqualTo(1);
    }

    @Test
    void perServiceFiguresMatchTheHandComputation() {
        DeliveryReport report = metrics.report(Optional.empty(), DeliveryDataSet.WEEK);
        assertThat(report.services()).extracting(ServiceFigures::service)
                .containsExactly("commons", "billing", "web", "reports");

        DeliveryFigures commons = report.figuresOf("commons").orElseThrow();
        // changes #1 S, #2 S, #3 F, #5 S = 4; failed #3 + #1 = 2 -> 0.5; leads 30m, 1h, 3h -> median 1h, p90 3h
        assertThat(commons.changes()).isEqualTo(4);
        assertThat(commons.deploys()).isEqualTo(3);
        assertThat(commons.failedChanges()).isEqualTo(2);
        assertThat(commons.changeFailureRate()).contains(0.5);
        assertThat(commons.leadTimeMedian()).contains(Duration.ofHours(1));
        assertThat(commons.leadTimeP90()).contains(Duration.ofHours(3));
        // incidents naming commons: "Commons emails delayed" (2h) and "Old incident about commons" (72h) -> median 2h
        assertThat(commons.timeToRestoreMedian()).contains(Duration.ofHours(2));
        assertThat(commons.incidentsStarted()).isEqualTo(1);

        DeliveryFigures billing = report.figuresOf("billing").orElseThrow();
        // #4 and #10 both followed by trouble -> 2/2; leads 1h, 2h -> median rank 1 = 1h, p90 rank 2 = 2h; restore 45m
        assertThat(billing.changeFailureRate()).contains(1.0);
        assertThat(billing.leadTimeMedian()).contains(Duration.ofHours(1));
        assertThat(billing.leadTimeP90()).contains(Duration.ofHours(2));
        assertThat(billing.timeToRestoreMedian()).contains(Duration.ofMinutes(45));
        assertThat(billing.rollbacks()).isZero();

        DeliveryFigures web = report.figuresOf("web").orElseThrow();
        // one change, "website down" is not about web -> 0/1 = 0.0; no incident names web -> no restore time
        assertThat(web.changeFailureRate()).contains(0.0);
        assertThat(web.leadTimeMedian()).contains(Duration.ofHours(10));
        assertThat(web.timeToRestoreMedian()).isEmpty();
        assertThat(web.incidentsStarted()).isZero();
    }

    @Test
    void aServiceWithNoDeploysIsListedWithNoFigures() {
        DeliveryFigures reports = metrics.report(Optional.of("reports"), DeliveryDataSet.WEEK).figures();
        assertThat(reports.deploys()).isZero();
        assertThat(reports.deploysPerDay()).isZero();
        assertThat(reports.changeFailureRate()).isEmpty();
        assertThat(reports.leadTimeMedian()).isEmpty();
        assertThat(reports.leadTimeP90()).isEmpty();
        assertThat(reports.timeToRestoreMedian()).isEmpty();
        assertThat(reports.isEmpty()).isTrue();
    }

    @Test
    void anEmptyPeriodHasZeroCountsEmptyFiguresAndAFullSeries() {
        MetricsPeriod april = MetricsPeriod.ofDays(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-08"));
        DeliveryReport report = metrics.report(Optional.empty(), april);
        DeliveryFigures f = report.overall();
        assertThat(f.isEmpty()).isTrue();
        assertThat(f.changeFailureRate()).isEmpty();
        assertThat(f.leadTimeMedian()).isEmpty();
        assertThat(f.timeToRestoreMedian()).isEmpty();
        assertThat(report.services()).hasSize(4).allSatisfy(s -> assertThat(s.figures().isEmpty()).isTrue());
        assertThat(report.series()).hasSize(7).allSatisfy(b -> assertThat(b.deploys()).isZero());
    }

    @Test
    void theDailySeriesAddsUpToTheWeek() {
        DeliveryReport report = metrics.report(Optional.empty(), DeliveryDataSet.WEEK);
        assertThat(report.granularity()).isEqualTo(Granularity.DAY);
        // Mon #1 #5, Tue #2, Wed only the failed #3, Thu #4, Fri #8, Sat none, Sun #10
        assertThat(report.series()).extracting(DeliveryBucket::deploys).containsExactly(2, 1, 0, 1, 1, 0, 1);
        assertThat(report.series()).extracting(DeliveryBucket::failedChanges).containsExactly(1, 0, 1, 1, 0, 0, 1);
        assertThat(report.series().get(0).start()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(report.series().get(6).end()).isEqualTo(LocalDate.parse("2026-03-09"));
    }

    @Test
    void theSeriesFollowsTheServiceAskedFor() {
        DeliveryReport report = metrics.report(Optional.of("billing"), DeliveryDataSet.WEEK);
        assertThat(report.series()).extracting(DeliveryBucket::deploys).containsExactly(0, 0, 0, 1, 0, 0, 1);
        assertThat(report.figures().deploys()).isEqualTo(2);
        assertThat(report.overall().deploys()).isEqualTo(6);
    }

    @Test
    void longPeriodsAreCutIntoWeeksAndTheLastWeekIsCutToThePeriod() {
        MetricsPeriod sixtyDays = MetricsPeriod.ofDays(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-02"));
        DeliveryReport report = metrics.report(Optional.empty(), sixtyDays);
        assertThat(report.granularity()).isEqualTo(Granularity.WEEK);
        // 60 days = 8 full weeks + 4 days
        assertThat(report.series()).hasSize(9);
        assertThat(report.series().get(8).end()).isEqualTo(LocalDate.parse("2026-04-02"));
        assertThat(report.series().stream().mapToInt(DeliveryBucket::deploys).sum()).isEqualTo(report.overall().deploys());
        // #9 (Mar 1) now falls in the period too: 7 successes
        assertThat(report.overall().deploys()).isEqualTo(7);
    }

    @Test
    void lastDaysCoversWholeUtcDaysUpToNow() {
        MetricsPeriod p = MetricsPeriod.lastDays(clock, 7);
        assertThat(p.from()).isEqualTo(Instant.parse("2026-03-14T00:00:00Z"));
        assertThat(p.to()).isEqualTo(clock.instant());
        assertThat(p.days()).isEqualTo(7);
    }

    @Test
    void anUnknownServiceIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> metrics.report(Optional.of("comons"), DeliveryDataSet.WEEK))
                .isInstanceOf(UnknownServiceException.class)
                .hasMessageContaining("comons").hasMessageContaining("commons, billing, web, reports");
    }

    @Test
    void aTeamWithoutAProductionEnvironmentCountsEveryEnvironment() {
        TeamConfig noProd = TeamConfigParser.parseText("t.yml", """
                flightdeck:
                  environments:
                    live: { channel: "#live", approvals: 0 }
                    test: { channel: "#test", approvals: 0 }
                  services:
                    app: { build: { codebuild: { project: app } } }
                """).orElseThrow();
        assertThat(MetricsSettings.from(noProd).environments()).containsExactly("live", "test");
    }

    @Test
    void anIncidentNamesAServiceOnlyAsAWholeWord() {
        var web = ServiceNames.wordPattern("web");
        assertThat(ServiceNames.names("Web checkout slow", web)).isTrue();
        assertThat(ServiceNames.names("web-checkout slow", web)).isTrue();
        assertThat(ServiceNames.names("website down", web)).isFalse();
        assertThat(ServiceNames.names("cobweb", web)).isFalse();
    }
}
