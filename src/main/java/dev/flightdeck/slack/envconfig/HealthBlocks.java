package dev.flightdeck.slack.envconfig;

import dev.flightdeck.health.DependencyHealth;
import dev.flightdeck.health.HealthReport;
import dev.flightdeck.text.Mrkdwn;

import java.time.Duration;
import java.util.List;

/** {@code /deploy health <service> <env>}: status code, latency, and each dependency's state. */
public final class HealthBlocks {

    private HealthBlocks() {
    }

    public static Rendered render(String service, String env, HealthReport report) {
        String title = "Health of " + service + " in " + env;
        String url = Mrkdwn.escape(report.url().toString());
        String headline;
        List<String> deps = List.of();
        if (report instanceof HealthReport.Answered a) {
            String overall = a.overall().map(s -> ", status " + s).orElse("");
            headline = (a.healthy() ? ":white_check_mark: " : ":x: ") + "HTTP " + a.statusCode() + " in " + millis(a.latency())
                    + overall + (a.dependencies().isEmpty() ? " (the body lists no dependencies)" : "");
            deps = a.dependencies().stream().map(HealthBlocks::line).toList();
        } else if (report instanceof HealthReport.TimedOut t) {
            headline = ":hourglass: no answer within " + millis(t.timeout()) + " (timed out)";
        } else if (report instanceof HealthReport.Unreachable u) {
            headline = ":x: unreachable after " + millis(u.latency()) + ": " + Mrkdwn.escape(u.why());
        } else {
            headline = ":no_entry: not called: " + Mrkdwn.escape(((HealthReport.Refused) report).why());
        }
        BlockBudget budget = new BlockBudget().header(title).text(headline).context(url);
        budget.lines(deps, "dependencies");
        return new Rendered(title + ": " + Mrkdwn.unescape(headline).replaceAll(":[a-z_]+: ", ""), budget.build());
    }

    static String line(DependencyHealth d) {
        return (d.up() ? ":white_check_mark: " : ":x: ") + "*" + Mrkdwn.escape(d.name()) + "* " + Mrkdwn.escape(d.status())
                + d.detail().map(x -> " — " + Mrkdwn.escape(x)).orElse("");
    }

    private static String millis(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }
}
