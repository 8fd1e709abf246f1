package dev.flightdeck.config;

import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.alarms.MetricSums;
import dev.flightdeck.alarms.SloSeries;
import dev.flightdeck.alarms.SloSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** An SLO's good (or total) as metric math in the team file: {@code { expression, metrics }}. */
class SloMetricMathKeysTest {

    private static final String S = "flightdeck.yml: flightdeck.services.commons.slo.good.";
    private static final String TOTAL = "{ namespace: Shop/Requests, metric: Total, dimensions: { Environment: \"{env}\" } }";
    private static final String ERRORS = "{ namespace: Shop/Requests, metric: Errors, dimensions: { Environment: \"{env}\" } }";

    private static String team(String good) {
        return TeamConfigs.STAGING_AND_PROD + TeamConfigs.COMMONS + ("slo:\n  objective: 99.9%\n  good:\n"
                + good.indent(4) + "  total: " + TOTAL + "\n").indent(6);
    }

    private static String math(String expression, String metrics) {
        return "expression: \"" + expression + "\"\nmetrics:\n" + metrics.indent(2);
    }

    private static final String BOTH = "total: " + TOTAL + "\nerrors: " + ERRORS + "\n";

    @Test
    void goodAsTotalMinusErrorsIsReadFromBothMetricsPerBucket() {
        SloSettings slo = valid(team(math("total - errors", BOTH))).service("commons").orElseThrow().slo().orElseThrow()
                .forEnv("prod");
        MetricRef total = new MetricRef("Shop/Requests", "Total", Map.of("Environment", "prod"), "Sum");
        MetricRef errors = new MetricRef("Shop/Requests", "Errors", Map.of("Environment", "prod"), "Sum");

        assertThat(slo.good()).isInstanceOf(SloSeries.Expression.class);
        assertThat(slo.total()).isEqualTo(new SloSeries.One(total));
        assertThat(slo.metrics()).containsExactly(total, errors);
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(slo.good().evaluate(Map.of(total, List.of(new MetricSums.Bucket(t, 1_000_000)),
                errors, List.of(new MetricSums.Bucket(t, 600))))).containsExactly(new MetricSums.Bucket(t, 999_400));
    }

    @Test
    void expressionErrorsAreNamedWithTheirPosition() {
        assertThat(errors(team(math("total - erors", BOTH)))).containsExactly(
                S + "expression: unknown metric 'erors' (known: total, errors)");
        assertThat(errors(team(math("total - )", BOTH)))).containsExactly(
                S + "expression: expected a number, a metric name or '(' at position 9");
        assertThat(errors(team(math("(total - errors", BOTH)))).containsExactly(
                S + "expression: expected ')' to close the '(' at position 1 at position 16 (the end)");
    }

    @Test
    void everyMetricDefinedMustBeUsedAndWellNamed() {
        assertThat(errors(team(math("total", BOTH)))).containsExactly(
                S + "metrics.errors: is not used in the expression \"total\": use it or remove it");
        assertThat(errors(team(math("total - errors", "total: " + TOTAL + "\nErrors: " + ERRORS + "\n"))))
                .contains(S + "metrics.Errors: a metric name must be a lowercase letter then letters, digits or _ "
                        + "(like total or errors_5xx)");
        assertThat(errors(team(math("total - errors", "total: " + TOTAL + "\nerrors: { metric: Errors }\n"))))
                .containsExactly(S + "metrics.errors.namespace: is required");
    }

    @Test
    void expressionAndMetricsGoTogether() {
        assertThat(errors(team("expression: \"total - errors\"\n"))).containsExactly(
                S + "metrics: is required: the metrics the expression names, e.g. { total: {metric}, errors: {metric} }");
        assertThat(errors(team("metrics:\n" + BOTH.indent(2)))).containsExactly(S + "expression: is required");
        assertThat(errors(team(math("total - errors", BOTH) + "namespace: Shop/Requests\n")))
                .hasSize(1).allSatisfy(e -> assertThat(e).startsWith(S + "namespace: unknown key"));
    }
}
