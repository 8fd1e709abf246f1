package dev.flightdeck.alarms;

import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Error budgets read through an in-memory metric source: environments, spans, the minute's cache, and the slo gate. */
class SloServiceTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static TeamConfig team(String prodGates) {
        return TeamConfigParser.parseText("flightdeck.yml", """
                flightdeck:
                  environments:
                    staging: { channel: "#d", approvals: 0 }
                    prod: { channel: "#d", approvals: 0, gates: %s }
                  services:
                    shop:
                      build: { codebuild: { project: "s" } }
                      slo:
                        objective: 99.9%%
                        window: 28d
                        good: { namespace: Shop/Requests, metric: Good, dimensions: { Environment: "{env}" } }
                        total: { namespace: Shop/Requests, metric: Total, dimensions: { Environment: "{env}" } }
                    web:
                      build: { codebuild: { project: "w" } }
                """.formatted(prodGates)).orElseThrow();
    }

    final MutableClock clock = MutableClock.at(NOW);
    final InMemoryMetricSums source = new InMemoryMetricSums();
    final TeamConfig team = team("[lock, slo]");
    final SloService slos = new SloService(team, source, clock);
    final SloDeployCheck check = new SloDeployCheck(slos);

    static MetricRef good(String env) {
        return new MetricRef("Shop/Requests", "Good", Map.of("Environment", env), "Sum");
    }

    static MetricRef total(String env) {
        return new MetricRef("Shop/Requests", "Total", Map.of("Environment", env), "Sum");
    }

    /** total events and bad ones of them, at {@code ago} before now. */
    void plant(String env, Duration ago, double total, double bad) {
        source.put(total(env), NOW.minus(ago), total);
        source.put(good(env), NOW.minus(ago), total - bad);
    }

    DeployCandidate candidate(String service, String env) {
        return new DeployCandidate(service, env, "1", "U1", team.service(service).orElseThrow(),
                team.environment(env).orElseThrow(), NOW);
    }

    @Test
    void readsTheWindowInDailyBucketsAndTheLastHourAndSixHoursWithTheEnvironmentInTheDimensions() {
        plant("prod", Duration.ofDays(3), 999_000, 100);
        plant("prod", Duration.ofMinutes(30), 1_000, 500);

        SloReading.Measured r = (SloReading.Measured) slos.reading("shop", "prod").orElseThrow();

        assertThat(source.reads).containsExactly(
                new InMemoryMetricSums.Read(List.of(good("prod"), total("prod")), NOW.minus(Duration.ofDays(28)), NOW,
                        Duration.ofDays(1)),
                new InMemoryMetricSums.Read(List.of(good("prod"), total("prod")), NOW.minus(Duration.ofHours(1)), NOW,
                        Duration.ofHours(1)),
                new InMemoryMetricSums.Read(List.of(good("prod"), total("prod")), NOW.minus(Duration.ofHours(6)), NOW,
                        Duration.ofHours(6)));
        assertThat(r.budget().total()).isEqualTo(1_000_000);
        assertThat(r.budget().leftShare()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.budget().burn1h().getAsDouble()).isCloseTo(500, org.assertj.core.api.Assertions.within(1e-6));
        // One point a day; days without failures carry the budget on: 100 % for 25 days, 90 % after 100 failed, 40 %.
        assertThat(r.budget().picture()).hasSize(28);
        assertThat(r.budget().picture().get(0).at()).isEqualTo(NOW.minus(Duration.ofDays(28)));
        assertThat(r.budget().picture()).extracting(p -> Math.round(p.leftShare() * 100)).containsSequence(100L, 90L)
                .endsWith(90L, 90L, 40L).containsOnly(100L, 90L, 40L);
    }

    @Test
    void goodAsMetricMathReadsEachOfItsMetricsOnceInTheSameReadAndIsComputedPerBucket() {
        TeamConfig math = TeamConfigParser.parseText("flightdeck.yml", """
                flightdeck:
                  environments:
                    prod: { channel: "#d", approvals: 0 }
                  services:
                    shop:
                      build: { codebuild: { project: "s" } }
                      slo:
                        objective: 99%
                        good:
                          expression: "total - 2 * errors"
                          metrics:
                            total: { namespace: Shop/Requests, metric: Total, dimensions: { Environment: "{env}" } }
                            errors: { namespace: Shop/Requests, metric: Errors, dimensions: { Environment: "{env}" } }
                        total: { namespace: Shop/Requests, metric: Total, dimensions: { Environment: "{env}" } }
                """).orElseThrow();
        MetricRef errors = new MetricRef("Shop/Requests", "Errors", Map.of("Environment", "prod"), "Sum");
        source.put(total("prod"), NOW.minus(Duration.ofDays(3)), 10_000);
        source.put(errors, NOW.minus(Duration.ofDays(3)), 20);
        source.put(errors, NOW.minus(Duration.ofDays(2)), 5);

        SloReading.Measured r = (SloReading.Measured) new SloService(math, source, clock).reading("shop", "prod")
                .orElseThrow();

        assertThat(source.reads).hasSize(3).allSatisfy(read ->
                assertThat(read.metrics()).containsExactly(total("prod"), errors));
        // good is 10,000 - 40 on day 3 and 0 - 10 on day 2 (no Total there counts as 0): 50 bad of 100 allowed.
        assertThat(r.budget().good()).isEqualTo(9_950);
        assertThat(r.budget().bad()).isEqualTo(50);
        assertThat(r.budget().leftShare()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theWindowIsReadInWholeHoursOfAboutTwentyEightBuckets() {
        assertThat(SloService.period(Duration.ofDays(28))).isEqualTo(Duration.ofDays(1));
        assertThat(SloService.period(Duration.ofDays(1))).isEqualTo(Duration.ofHours(1));
        assertThat(SloService.period(Duration.ofDays(90))).isEqualTo(Duration.ofHours(78));
    }

    @Test
    void aSecondReadWithinAMinuteAsksNothingAndAfterAMinuteAsksAgain() {
        plant("prod", Duration.ofDays(1), 1_000, 0);
        slos.reading("shop", "prod");
        assertThat(source.reads).hasSize(3);

        clock.advance(Duration.ofSeconds(59));
        slos.reading("shop", "prod");
        assertThat(source.reads).hasSize(3);

        clock.advance(Duration.ofSeconds(1));
        slos.reading("shop", "prod");
        assertThat(source.reads).hasSize(6);
        assertThat(source.reads.get(3).to()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aFailedReadIsNotKeptAndSaysWhy() {
        source.down = true;
        assertThat(slos.reading("shop", "prod")).contains(new SloReading.Unreadable("shop", "prod",
                team.service("shop").orElseThrow().slo().orElseThrow().forEnv("prod"),
                "CloudWatch: AWS did not answer in time"));
        source.down = false;
        plant("prod", Duration.ofDays(1), 1_000, 0);

        assertThat(slos.reading("shop", "prod").orElseThrow()).isInstanceOf(SloReading.Measured.class);
    }

    @Test
    void noDataIsItsOwnAnswer() {
        assertThat(slos.reading("shop", "staging").orElseThrow()).isInstanceOf(SloReading.NoData.class);
        assertThat(slos.reading("web", "prod")).isEmpty();
    }

    @Test
    void withoutAnEnvironmentTheOnesGatingOnSloElseThoseNamedLikeProduction() {
        assertThat(slos.readings(Optional.empty(), Optional.empty())).extracting(r -> r.service() + "/" + r.environment())
                .containsExactly("shop/prod");
        assertThat(slos.readings(Optional.of("shop"), Optional.of("staging"))).extracting(SloReading::environment)
                .containsExactly("staging");
        assertThat(slos.readings(Optional.of("web"), Optional.empty())).isEmpty();

        SloService ungated = new SloService(team("[lock]"), source, clock);
        assertThat(ungated.productionEnvironments()).containsExactly("prod");
    }

    @Test
    void theGateIsSloAndBlocksASpentBudgetNamingItAndTheBurnRates() {
        assertThat(check.name()).isEqualTo("slo");
        assertThat(check.gate()).contains(Gate.SLO);
        plant("prod", Duration.ofDays(2), 998_000, 1_000);
        plant("prod", Duration.ofHours(3), 1_000, 600);
        plant("prod", Duration.ofMinutes(10), 1_000, 20);

        assertThat(check.check(candidate("shop", "prod"))).isEqualTo(new CheckOutcome.Blocked(
                "the error budget of shop in prod is spent: 162% of it used (1,620 failed of 1,000 allowed, objective "
                        + "99.9% over 28d); burn rate 20.0× over 1 h, 310.0× over 6 h"));
    }

    @Test
    void theGatePassesAHealthyBudgetNoDataAndAServiceWithoutSlo() {
        plant("prod", Duration.ofDays(2), 1_000_000, 600);

        assertThat(check.check(candidate("shop", "prod"))).isEqualTo(new CheckOutcome.Passed(
                "error budget of shop in prod: 40% left (objective 99.9% over 28d); burn rate no traffic over 1 h, "
                        + "no traffic over 6 h"));
        assertThat(check.check(candidate("shop", "staging"))).isEqualTo(new CheckOutcome.Passed(
                "no SLO data for shop in staging in the last 28d (Shop/Requests Total (Environment=staging)): no budget "
                        + "to judge by"));
        assertThat(check.check(candidate("web", "prod")))
                .isEqualTo(new CheckOutcome.Passed("no SLO is configured for web"));
    }

    @Test
    void theGateBlocksWhenTheMetricsCannotBeRead() {
        source.down = true;
        assertThat(check.check(candidate("shop", "prod"))).isEqualTo(new CheckOutcome.Blocked(
                "could not read the error budget of shop in prod: CloudWatch: AWS did not answer in time"));
    }
}
