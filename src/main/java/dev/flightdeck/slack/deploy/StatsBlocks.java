package dev.flightdeck.slack.deploy;

import dev.flightdeck.metrics.DeliveryFigures;
import dev.flightdeck.metrics.DeliveryReport;
import dev.flightdeck.metrics.ServiceFigures;
import dev.flightdeck.slack.envconfig.BlockBudget;
import dev.flightdeck.slack.envconfig.Rendered;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code /deploy stats [service] [days]}: the four delivery figures, the period and the environments they count,
 * and a link to the page with the charts. Same numbers as the page: both read {@code DeliveryMetrics.report}.
 */
public final class StatsBlocks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private StatsBlocks() {
    }

    public static Rendered render(DeliveryReport report, int days, String pageUrl) {
        String scope = report.service().orElse("all services");
        String title = "Delivery of " + scope + ", last " + days + (days == 1 ? " day" : " days");
        String envs = report.environments().isEmpty() ? "all environments"
                : report.environments().stream().map(e -> e.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
        String period = DAY.format(report.period().firstDay()) + " – " + DAY.format(report.period().lastDay()) + " (UTC)";
        DeliveryFigures f = report.figures();

        List<String> lines = new ArrayList<>();
        if (!f.hasDeploys() && f.changes() == 0) {
            lines.add("No deploys in this period.");
        } else {
            lines.add("*Deploy frequency:* " + frequency(f));
            lines.add("*Lead time* (request to success): " + f.leadTimeMedian().map(d -> "median " + human(d)
                    + f.leadTimeP90().map(p -> ", 90% within " + human(p)).orElse("")).orElse("no successful deploys"));
            lines.add("*Change failure rate:* " + failureRate(f));
        }
        lines.add("*Time to restore:* " + f.timeToRestoreMedian()
                .map(d -> "median " + human(d) + " over " + plural(f.incidentsResolved(), "resolved incident"))
                .orElse("no incidents resolved" + (report.service().isPresent() ? " naming " + scope : "") + " in this period"));

        BlockBudget budget = new BlockBudget().header(title).lines(lines, "figures")
                .context("Counts " + envs + " · " + period + " · a success followed within "
                        + human(report.failureWindow()) + " by a rollback or an incident naming the service is a failed change");
        if (report.service().isEmpty() && !report.services().isEmpty()) {
            budget.divider().lines(report.services().stream().map(StatsBlocks::serviceLine).toList(), "services");
        }
        budget.text("<" + pageUrl + "|Charts and details>");
        String text = title + " (" + envs + "): " + (f.hasDeploys() || f.changes() > 0
                ? frequency(f) + "; change failure rate " + failureRate(f) : "no deploys in this period");
        return new Rendered(text, budget.build());
    }

    private static String serviceLine(ServiceFigures s) {
        DeliveryFigures f = s.figures();
        if (f.changes() == 0) {
            return "• *" + s.service() + "*: no deploys";
        }
        return "• *" + s.service() + "*: " + plural(f.deploys(), "deploy")
                + f.changeFailureRate().map(r -> ", " + percent(r) + " failed").orElse("")
                + f.leadTimeMedian().map(d -> ", lead time " + human(d)).orElse("");
    }

    static String frequency(DeliveryFigures f) {
        return plural(f.deploys(), "deploy") + String.format(Locale.ROOT, " (%.1f a week, %.2f a day)",
                f.deploysPerWeek(), f.deploysPerDay());
    }

    static String failureRate(DeliveryFigures f) {
        return f.changeFailureRate().map(r -> percent(r) + " (" + f.failedChanges() + " of "
                + plural(f.changes(), "change") + ": " + f.failures() + " failed, "
                + (f.failedChanges() - f.failures()) + " followed by a rollback or incident)").orElse("no changes");
    }

    static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    /** "45m", "3h 20m", "2d 4h": minutes are enough for delivery times. */
    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
        }
        return hours / 24 + "d" + (hours % 24 == 0 ? "" : " " + hours % 24 + "h");
    }

    private static String plural(int n, String word) {
        return n + " " + (n == 1 ? word : word + "s");
    }
}
