package dev.flightdeck.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metric math of SLO series: the expression language, its errors, and its evaluation per bucket. */
class MetricMathTest {

    static final List<String> NAMES = List.of("total", "errors", "m_2");
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final MetricRef TOTAL = new MetricRef("Cart/Requests", "Total", Map.of("Environment", "{env}"), "Sum");
    static final MetricRef ERRORS = new MetricRef("Cart/Requests", "Errors", Map.of("Environment", "{env}"), "Sum");

    static double eval(String expression, Map<String, Double> values) {
        return MetricMath.parse(expression, NAMES).evaluate(values).orElseThrow();
    }

    static double eval(String expression) {
        return eval(expression, Map.of("total", 10.0, "errors", 4.0, "m_2", 2.0));
    }

    static String error(String expression) {
        return assertThatThrownBy(() -> MetricMath.parse(expression, NAMES)).isInstanceOf(MetricMath.Invalid.class)
                .actual().getMessage();
    }

    static MetricSums.Bucket at(int hour, double value) {
        return new MetricSums.Bucket(T0.plus(Duration.ofHours(hour)), value);
    }

    @Test
    void timesAndDivideBindTighterThanPlusAndMinusWhichGoLeftToRight() {
        assertThat(eval("total - errors * m_2")).isEqualTo(2);
        assertThat(eval("total - errors - m_2")).isEqualTo(4);
        assertThat(eval("total / m_2 / 5")).isEqualTo(1);
        assertThat(eval("1 + 2 * 3 - 8 / 4")).isEqualTo(5);
        assertThat(eval("0.5*total")).isEqualTo(5);
    }

    @Test
    void parenthesesAndUnaryMinus() {
        assertThat(eval("(total - errors) * m_2")).isEqualTo(12);
        assertThat(eval("-errors + total")).isEqualTo(6);
        assertThat(eval("total - -errors")).isEqualTo(14);
        assertThat(eval("-(total - errors) * 2")).isEqualTo(-12);
        assertThat(eval("- - 3")).isEqualTo(3);
        assertThat(eval(" ( ( total ) ) ")).isEqualTo(10);
    }

    @Test
    void aMetricWithoutAValueCountsAsZeroAndDividingByZeroIsNoValue() {
        assertThat(eval("total - errors", Map.of("total", 7.0))).isEqualTo(7);
        assertThat(eval("total - errors", Map.of())).isEqualTo(0);
        MetricMath ratio = MetricMath.parse("errors / total", NAMES);
        assertThat(ratio.evaluate(Map.of("errors", 3.0))).isEmpty();
        assertThat(ratio.evaluate(Map.of("errors", 0.0, "total", 0.0))).isEmpty();
        assertThat(MetricMath.parse("(errors / total) * 0 + 1", NAMES).evaluate(Map.of())).isEmpty();
        assertThat(ratio.evaluate(Map.of("errors", 3.0, "total", 4.0))).isEqualTo(OptionalDouble.of(0.75));
    }

    @Test
    void itKnowsTheNamesItUsesInOrder() {
        assertThat(MetricMath.parse("errors / (total + errors)", NAMES).names()).containsExactly("errors", "total");
        assertThat(MetricMath.parse("42", NAMES).names()).isEmpty();
    }

    @Test
    void errorsSayWhatWasExpectedAndWhere() {
        assertThat(error("total - )")).isEqualTo("expected a number, a metric name or '(' at position 9");
        assertThat(error("total -")).isEqualTo("expected a number, a metric name or '(' at position 8 (the end)");
        assertThat(error("total - erors")).isEqualTo("unknown metric 'erors' (known: total, errors, m_2)");
        assertThat(error("Total - errors")).isEqualTo("expected a number, a metric name or '(' at position 1");
        assertThat(error("total errors")).isEqualTo("expected an operator (+ - * /) at position 7");
        assertThat(error("(total - errors")).isEqualTo(
                "expected ')' to close the '(' at position 1 at position 16 (the end)");
        assertThat(error("total) - errors")).isEqualTo("unexpected ')' at position 6");
        assertThat(error("total % 2")).isEqualTo("expected an operator (+ - * /) at position 7");
        assertThat(error("1.2.3 * total")).isEqualTo("'1.2.3' at position 1 is not a number");
        assertThat(error("total * * 2")).isEqualTo("expected a number, a metric name or '(' at position 9");
        assertThatThrownBy(() -> MetricMath.parse("x", List.of())).hasMessage("unknown metric 'x' (known: none)");
    }

    @Test
    void anExpressionSeriesIsComputedPerBucketStartWithMissingMetricsAsZero() {
        Map<String, MetricRef> named = new LinkedHashMap<>();
        named.put("total", TOTAL.forEnv("prod"));
        named.put("errors", ERRORS.forEnv("prod"));
        SloSeries good = new SloSeries.Expression(MetricMath.parse("total - errors", List.of("total", "errors")), named);

        List<MetricSums.Bucket> buckets = good.evaluate(Map.of(
                TOTAL.forEnv("prod"), List.of(at(0, 1000), at(1, 500), at(3, 100)),
                ERRORS.forEnv("prod"), List.of(at(0, 10), at(2, 7), at(3, 150))));

        // hour 2 has errors but no total: 0 - 7; hour 3 is kept negative, so the window still sums to total - errors
        assertThat(buckets).containsExactly(at(0, 990), at(1, 500), at(2, -7), at(3, -50));
        assertThat(good.metrics()).containsExactly(TOTAL.forEnv("prod"), ERRORS.forEnv("prod"));
        assertThat(good.evaluate(Map.of())).isEmpty();
    }

    @Test
    void aBucketThatDividesByZeroIsAbsent() {
        SloSeries share = new SloSeries.Expression(MetricMath.parse("1000 * errors / total", List.of("total", "errors")),
                Map.of("total", TOTAL, "errors", ERRORS));
        assertThat(share.evaluate(Map.of(TOTAL, List.of(at(0, 100), at(2, 50)), ERRORS, List.of(at(0, 5), at(1, 3)))))
                .containsExactly(at(0, 50), at(2, 0));
    }

    @Test
    void forEnvFillsEveryNamedMetricAndSettingsReadEachMetricOnce() {
        Map<String, MetricRef> named = new LinkedHashMap<>();
        named.put("total", TOTAL);
        named.put("errors", ERRORS);
        SloSeries good = new SloSeries.Expression(MetricMath.parse("total - errors", List.of("total", "errors")), named);
        SloSettings slo = new SloSettings(0.999, Duration.ofDays(28), good, new SloSeries.One(TOTAL)).forEnv("prod");

        assertThat(slo.metrics()).containsExactly(TOTAL.forEnv("prod"), ERRORS.forEnv("prod"));
        assertThat(slo.good().describe()).isEqualTo("total - errors (total = Cart/Requests Total (Environment=prod), "
                + "errors = Cart/Requests Errors (Environment=prod))");
        assertThat(slo.total().describe()).isEqualTo("Cart/Requests Total (Environment=prod)");
    }
}
