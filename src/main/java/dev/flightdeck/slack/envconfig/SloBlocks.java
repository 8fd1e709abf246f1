package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.ErrorBudget;
import dev.flightdeck.alarms.SloFigures;
import dev.flightdeck.alarms.SloReading;
import dev.flightdeck.text.Durations;
import dev.flightdeck.text.Mrkdwn;

import java.util.List;
import java.util.Locale;

import static dev.flightdeck.alarms.SloFigures.burn;
import static dev.flightdeck.alarms.SloFigures.count;
import static dev.flightdeck.alarms.SloFigures.percent;

/**
 * {@code /deploy slo [service] [env]}: per service and environment the objective, the budget left (share and minutes
 * of full outage), burn rates over 1 h and 6 h, and the budget over the window as a text sparkline.
 */
public final class SloBlocks {

    /** Eight heights, lowest first: a bucket's budget left from spent (or worse) to whole. */
    static final String BARS = "▁▂▃▄▅▆▇█";

    private SloBlocks() {
    }

    public static Rendered render(String scope, List<SloReading> readings) {
        String title = "Error budgets " + scope;
        long spent = readings.stream().filter(r -> r instanceof SloReading.Measured m && m.budget().spent()).count();
        String summary = readings.isEmpty() ? "no SLOs" : spent == 0 ? "no budget spent"
                : dev.flightdeck.text.Texts.plural(spent, "budget", "budgets") + " spent";
        BlockBudget budget = new BlockBudget().header(title).context(summary);
        if (readings.isEmpty()) {
            budget.text("No service " + scope + " has an SLO in the team config: add `slo: { objective: 99.9%, window: "
                    + "28d, good: {…}, total: {…} }` under the service.");
        }
        for (SloReading r : readings) {
            budget.text(section(r));
        }
        return new Rendered(title + ": " + summary, budget.build());
    }

    static String section(SloReading r) {
        String where = "*" + r.service() + "* in " + r.environment().toUpperCase(Locale.ROOT) + " · objective "
                + SloFigures.objective(r.slo());
        if (r instanceof SloReading.Unreadable u) {
            return ":grey_question: " + where + "\ncould not read the metrics: " + Mrkdwn.escapeForeign(u.reason());
        }
        if (r instanceof SloReading.NoData) {
            return ":white_circle: " + where + "\nno data: " + Mrkdwn.code(r.slo().total().describe())
                    + " has no data points in the last " + Durations.format(r.slo().window())
                    + ", so there is no budget to show (not a spent one). Check the metric's name and dimensions.";
        }
        ErrorBudget b = ((SloReading.Measured) r).budget();
        String left = b.spent()
                ? "*spent*: " + percent(1 - b.leftShare()) + " of it used, " + SloFigures.minutes(b.leftMinutes())
                + " of full outage over"
                : "*" + percent(b.leftShare()) + "* left (≈ " + SloFigures.minutes(b.leftMinutes()) + " of full outage)";
        return (b.spent() ? ":red_circle: " : ":large_green_circle: ") + where
                + "\nBudget " + left + " · " + count(b.bad()) + " failed of " + count(b.allowed()) + " allowed in "
                + count(b.total()) + " events"
                + "\nBurn rate " + burn(b.burn1h()) + " over 1 h · " + burn(b.burn6h()) + " over 6 h"
                + "\n`" + sparkline(b.picture()) + "` budget left, " + Durations.format(b.window()) + " ago → now";
    }

    /** One character per bucket: its budget left, 0 % (or spent) to 100 %, as one of {@link #BARS}. */
    static String sparkline(List<ErrorBudget.Point> points) {
        StringBuilder out = new StringBuilder(points.size());
        for (ErrorBudget.Point p : points) {
            double share = Math.max(0, Math.min(1, p.leftShare()));
            out.append(BARS.charAt((int) Math.round(share * (BARS.length() - 1))));
        }
        return out.toString();
    }
}
