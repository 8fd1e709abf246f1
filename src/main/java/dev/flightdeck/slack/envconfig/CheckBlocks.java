package dev.flightdeck.slack.envconfig;

import dev.flightdeck.envconfig.ConfigCheckReport;
import dev.flightdeck.envconfig.RuleResult;

import java.util.Comparator;
import java.util.List;

import static dev.flightdeck.text.Mrkdwn.code;
import static dev.flightdeck.text.Texts.plural;

/** {@code /deploy config check <service> <env>}: each rule on each key, failures first. */
public final class CheckBlocks {

    private CheckBlocks() {
    }

    public static Rendered render(ConfigCheckReport report) {
        String title = "Config check of " + report.service() + " in " + report.env();
        long failing = report.results().stream().filter(r -> r.outcome() == RuleResult.Outcome.FAIL).count();
        long unknown = report.results().stream().filter(r -> r.outcome() == RuleResult.Outcome.UNKNOWN).count();
        long passing = report.results().stream().filter(r -> r.outcome() == RuleResult.Outcome.PASS).count();
        String verdict = report.passes() ? "passes" : "FAILS";
        String summary = verdict + ": " + failing + " failing, " + unknown + " not checkable, "
                + plural(report.warnings().size(), "warning", "warnings") + ", " + passing + " passing ("
                + plural(report.keys(), "key", "keys") + " read)";
        BlockBudget budget = new BlockBudget().header(title).text((report.passes() ? ":white_check_mark: " : ":x: ")
                + "*" + summary + "*");
        if (report.results().isEmpty()) {
            budget.text("No config rules for " + report.service() + " in the team config (`config: rules:`).");
        }
        List<String> lines = report.results().stream()
                .sorted(Comparator.comparingInt(CheckBlocks::rank))
                .map(CheckBlocks::line).toList();
        budget.lines(lines, "results");
        report.problems().forEach(p -> budget.context(":warning: " + p));
        return new Rendered(title + " " + summary, budget.build());
    }

    private static int rank(RuleResult r) {
        switch (r.outcome()) {
            case FAIL:
                return 0;
            case UNKNOWN:
                return 1;
            case WARN:
                return 2;
            default:
                return 3;
        }
    }

    static String line(RuleResult r) {
        String icon;
        switch (r.outcome()) {
            case FAIL:
                icon = ":x:";
                break;
            case UNKNOWN:
                icon = ":grey_question:";
                break;
            case WARN:
                icon = ":warning:";
                break;
            default:
                icon = ":white_check_mark:";
        }
        return icon + " " + code(r.key()) + " · _" + r.rule().label() + "_ · " + RuleDetails.detail(r);
    }
}
