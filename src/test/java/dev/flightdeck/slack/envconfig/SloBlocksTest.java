package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.ErrorBudget;
import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.alarms.SloReading;
import dev.flightdeck.alarms.SloSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code /deploy slo} words what it read: team-file and AWS text escaped, the sparkline's heights. */
class SloBlocksTest {

    static final MetricRef TOTAL = new MetricRef("Shop/Requests", "Total", Map.of("Environment", "<!channel>"), "Sum");
    static final SloSettings SLO = new SloSettings(0.995, Duration.ofDays(7), TOTAL, TOTAL);

    @Test
    void textFromTheTeamFileAndFromAwsIsEscapedAndPingsNobody() {
        String noData = SloBlocks.section(new SloReading.NoData("shop", "prod", SLO));
        String unreadable = SloBlocks.section(new SloReading.Unreadable("shop", "prod", SLO, "AWS answered <@U1> & more"));

        assertThat(noData).contains("objective 99.5% over 7d", "`Shop/Requests Total (Environment=&lt;!channel&gt;)`")
                .doesNotContain("<!channel>");
        assertThat(unreadable).contains(":grey_question: *shop* in PROD", "could not read the metrics: AWS answered ")
                .contains("&lt;@U1&gt; &amp; more").doesNotContain("<@U1>");
    }

    @Test
    void theSparklineRunsFromSpentToWholeInEightHeights() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        List<ErrorBudget.Point> points = List.of(new ErrorBudget.Point(t, 1.0), new ErrorBudget.Point(t, 0.5),
                new ErrorBudget.Point(t, 0.0), new ErrorBudget.Point(t, -3.0), new ErrorBudget.Point(t, 0.9));

        assertThat(SloBlocks.sparkline(points)).isEqualTo("█▅▁▁▇");
    }

    @Test
    void withoutAnySloTheAnswerSaysWhatToAdd() {
        Rendered r = SloBlocks.render("of all services", List.of());

        assertThat(r.text()).isEqualTo("Error budgets of all services: no SLOs");
        assertThat(r.blocks().toString()).contains("add `slo: { objective: 99.9%");
    }
}
