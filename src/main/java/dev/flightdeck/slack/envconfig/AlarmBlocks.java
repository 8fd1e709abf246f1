package dev.flightdeck.slack.envconfig;

import dev.flightdeck.alarms.Alarm;
import dev.flightdeck.alarms.AlarmGroup;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;
import dev.flightdeck.text.UtcTime;

import java.util.ArrayList;
import java.util.List;

import static dev.flightdeck.text.Mrkdwn.code;
import static dev.flightdeck.text.Texts.plural;

/** {@code /deploy alarms [service] [env]}: alarms not OK per service and environment, firing first. */
public final class AlarmBlocks {

    static final int MAX_REASON = 300;

    private AlarmBlocks() {
    }

    public static Rendered render(String scope, List<AlarmGroup> groups) {
        long firing = groups.stream().mapToLong(g -> g.firing().size()).sum();
        long notOk = groups.stream().mapToLong(g -> g.alarms().size()).sum();
        long failed = groups.stream().filter(g -> g.error().isPresent()).count();
        String title = "Alarms " + scope;
        String summary = plural(firing, "alarm", "alarms") + " in ALARM, " + (notOk - firing) + " with INSUFFICIENT_DATA"
                + (failed > 0 ? ", " + plural(failed, "lookup", "lookups") + " failed" : "");
        BlockBudget budget = new BlockBudget().header(title).context(summary);
        if (groups.isEmpty()) {
            budget.text("No service " + scope + " has alarms configured in the team config (`alarms: prefix:` or `tag:`).");
        }
        for (AlarmGroup g : groups) {
            String where = "*" + g.service() + "* (" + String.join(", ", g.environments()) + ") · " + g.selector();
            if (g.error().isPresent()) {
                budget.text(":grey_question: " + where + ": could not read alarms: " + Mrkdwn.escape(g.error().get()));
            } else if (g.alarms().isEmpty()) {
                budget.text(":white_check_mark: " + where + ": all OK");
            } else {
                budget.text(where + ": " + plural(g.alarms().size(), "alarm", "alarms") + " not OK");
                List<String> lines = new ArrayList<>();
                g.alarms().forEach(a -> lines.add(line(a)));
                budget.lines(lines, "alarms");
            }
        }
        return new Rendered(title + ": " + summary, budget.build());
    }

    static String line(Alarm a) {
        String icon = a.state().firing() ? ":red_circle:" : ":white_circle:";
        String kind = a.kind() == Alarm.Kind.COMPOSITE ? " (composite)" : "";
        return icon + " " + code(a.name()) + kind + " *" + a.state() + "* since " + UtcTime.format(a.since(), "?")
                + (a.reason().isBlank() ? "" : " — " + Mrkdwn.escape(Texts.shorten(a.reason(), MAX_REASON)));
    }
}
