package dev.flightdeck.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The error-budget arithmetic: budget, what is left as a share and as minutes of outage, burn rates, the picture. */
class ErrorBudgetTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final MetricRef GOOD = new MetricRef("Shop/Requests", "Good", Map.of("Environment", "prod"), "Sum");
    static final MetricRef TOTAL = new MetricRef("Shop/Requests", "Total", Map.of("Environment", "prod"), "Sum");
    static final SloSettings SLO = new SloSettings(0.999, Duration.ofDays(28), GOOD, TOTAL);

    static MetricSums.Bucket at(int day, double value) {
        return new MetricSums.Bucket(T0.plus(Duration.ofDays(day)), value);
    }

    static ErrorBudget.Counts counts(List<MetricSums.Bucket> good, List<MetricSums.Bucket> total) {
        return new ErrorBudget.Counts(good, total);
    }

    static final ErrorBudget.Counts NONE = counts(List.of(), List.of());

    @Test
    void aMillionEventsWith600FailedAt999LeavesFortyPercentOrSixteenMinutesOfOutage() {
        ErrorBudget b = ErrorBudget.of(SLO, counts(List.of(at(0, 999_400)), List.of(at(0, 1_000_000))), NONE, NONE)
                .orElseThrow();

        assertThat(b.allowed()).isCloseTo(1_000, within(1e-6));
        assertThat(b.bad()).isEqualTo(600);
        assertThat(b.leftShare()).isCloseTo(0.4, within(1e-9));
        // 1,000,000 events over 40,320 minutes is 24.8 a minute: 400 failures left is 16.1 minutes of nothing but them.
        assertThat(b.leftMinutes()).isCloseTo(16.128, within(1e-3));
        assertThat(b.spent()).isFalse();
        assertThat(SloFigures.percent(b.leftShare())).isEqualTo("40%");
        assertThat(SloFigures.minutes(b.leftMinutes())).isEqualTo("16 min");
    }

    @Test
    void moreFailuresThanTheBudgetIsSpentWithANegativeShare() {
        ErrorBudget b = ErrorBudget.of(SLO, counts(List.of(at(0, 998_500)), List.of(at(0, 1_000_000))), NONE, NONE)
                .orElseThrow();

        assertThat(b.leftShare()).isCloseTo(-0.5, within(1e-9));
        assertThat(b.spent()).isTrue();
        assertThat(SloFigures.percent(1 - b.leftShare())).isEqualTo("150%");
        assertThat(b.leftMinutes()).isCloseTo(-20.16, within(1e-3));
    }

    @Test
    void exactlyTheBudgetUsedCountsAsSpent() {
        ErrorBudget b = ErrorBudget.of(new SloSettings(0.99, Duration.ofDays(28), GOOD, TOTAL),
                counts(List.of(at(0, 9_900)), List.of(at(0, 10_000))), NONE, NONE).orElseThrow();

        assertThat(b.leftShare()).isCloseTo(0, within(1e-9));
        assertThat(b.spent()).isTrue();
    }

    @Test
    void noEventsInTheWindowIsNoBudgetRatherThanASpentOne() {
        assertThat(ErrorBudget.of(SLO, NONE, NONE, NONE)).isEmpty();
        assertThat(ErrorBudget.of(SLO, counts(List.of(at(0, 0)), List.of(at(0, 0))), NONE, NONE)).isEmpty();
    }

    @Test
    void burnRatesAreTheSpansErrorRateOverTheAllowedOne() {
        // Last hour: 50 of 10,000 failed = 0.5 % against 0.1 % allowed: burning 5 times as fast as the budget lasts.
        ErrorBudget.Counts hour = counts(List.of(at(27, 9_950)), List.of(at(27, 10_000)));
        ErrorBudget.Counts six = counts(List.of(at(27, 59_970)), List.of(at(27, 60_000)));
        ErrorBudget b = ErrorBudget.of(SLO, counts(List.of(at(0, 999_400)), List.of(at(0, 1_000_000))), hour, six)
                .orElseThrow();

        assertThat(b.burn1h().getAsDouble()).isCloseTo(5.0, within(1e-6));
        assertThat(b.burn6h().getAsDouble()).isCloseTo(0.5, within(1e-6));
        assertThat(SloFigures.burn(b.burn1h())).isEqualTo("5.0×");
    }

    @Test
    void anHourWithoutTrafficHasNoBurnRate() {
        ErrorBudget b = ErrorBudget.of(SLO, counts(List.of(at(0, 999_400)), List.of(at(0, 1_000_000))), NONE,
                counts(List.of(), List.of(at(27, 0)))).orElseThrow();

        assertThat(b.burn1h()).isEmpty();
        assertThat(b.burn6h()).isEmpty();
        assertThat(SloFigures.burn(b.burn1h())).isEqualTo("no traffic");
    }

    @Test
    void thePictureIsTheBudgetLeftAfterEachBucketEndingAtWhatIsLeftNow() {
        // 4 days of 250,000 events; failures 0, 100, 0, 500 (the good metric skips day 2: no data, not zero good).
        ErrorBudget b = ErrorBudget.of(SLO, counts(
                        List.of(at(0, 250_000), at(1, 249_900), at(3, 249_500)),
                        List.of(at(0, 250_000), at(1, 250_000), at(2, 0), at(3, 250_000))),
                NONE, NONE).orElseThrow();

        assertThat(b.total()).isEqualTo(750_000);
        assertThat(b.picture()).extracting(ErrorBudget.Point::at)
                .containsExactly(T0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(3)));
        // allowed 750; used 0, 100, 100, 600.
        assertThat(b.picture()).extracting(ErrorBudget.Point::leftShare)
                .usingElementComparator((x, y) -> Math.abs(x - y) < 1e-9 ? 0 : Double.compare(x, y))
                .containsExactly(1.0, 1 - 100 / 750.0, 1 - 100 / 750.0, 1 - 600 / 750.0);
        assertThat(b.picture().get(3).leftShare()).isCloseTo(b.leftShare(), within(1e-9));
    }

    @Test
    void givenTheWindowsBucketsThePictureHasAPointForEachCarryingTheBudgetOnWhereNothingFailed() {
        List<Instant> days = List.of(T0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(3)));
        // CloudWatch's bucket of day 1 starts an hour late: it still belongs to day 1.
        ErrorBudget b = ErrorBudget.of(SLO, counts(List.of(at(0, 500_000), new MetricSums.Bucket(T0.plus(Duration.ofHours(25)),
                        499_500)), List.of(at(0, 500_000), new MetricSums.Bucket(T0.plus(Duration.ofHours(25)), 500_000))),
                NONE, NONE, days).orElseThrow();

        assertThat(b.picture()).extracting(ErrorBudget.Point::at).containsExactlyElementsOf(days);
        assertThat(b.picture()).extracting(p -> Math.round(p.leftShare() * 100)).containsExactly(100L, 50L, 50L, 50L);
    }
}
