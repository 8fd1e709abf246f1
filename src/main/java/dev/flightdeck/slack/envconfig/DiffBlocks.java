package dev.flightdeck.slack.envconfig;

import dev.flightdeck.envconfig.ConfigDiff;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.List;

import static dev.flightdeck.text.Mrkdwn.code;
import static dev.flightdeck.text.Texts.plural;

/** {@code /deploy config diff <service> <a> <b>}: missing keys, differing values, secret fingerprints, suspicious values. */
public final class DiffBlocks {

    private DiffBlocks() {
    }

    public static Rendered render(ConfigDiff d) {
        String a = d.envA();
        String b = d.envB();
        String title = "Config of " + d.service() + ": " + a + " vs " + b;
        long secretsDiffer = d.secrets().stream().filter(s -> !s.same()).count();
        String summary = plural(d.onlyInA().size(), "key", "keys") + " only in " + a + ", "
                + d.onlyInB().size() + " only in " + b + ", " + d.differing().size() + " with different values, "
                + secretsDiffer + " of " + plural(d.secrets().size(), "secret", "secrets") + " different, "
                + plural(d.suspicious().size(), "suspicious value", "suspicious values")
                + "; " + d.samePlain() + " plain values equal (not listed)";
        BlockBudget budget = new BlockBudget().header(title).context(summary);
        if (!d.suspicious().isEmpty()) {
            budget.text("*:warning: Suspicious: a value names another environment*");
            budget.lines(d.suspicious().stream().map(s -> code(s.key()) + " in *" + s.env() + "* names *" + s.namedEnv()
                    + "*: " + code(Texts.shorten(s.value(), ConfigBlocks.MAX_VALUE))).toList(), "suspicious values");
        }
        section(budget, "Only in " + a, d.onlyInA().stream().map(Mrkdwn::code).toList());
        section(budget, "Only in " + b, d.onlyInB().stream().map(Mrkdwn::code).toList());
        section(budget, "Different values", d.differing().stream().map(x -> code(x.key()) + ": " + a + " "
                + ConfigBlocks.value(x.a()) + " → " + b + " " + ConfigBlocks.value(x.b())).toList());
        section(budget, "Secrets (compared by fingerprint)", d.secrets().stream().map(s -> (s.same()
                ? ":large_green_circle: " + code(s.key()) + " same in both (" + code(s.fingerprintA()) + ")"
                : ":large_blue_circle: " + code(s.key()) + " differs: " + a + " " + code(s.fingerprintA()) + ", " + b + " "
                + code(s.fingerprintB()))).toList());
        if (d.identical() && d.suspicious().isEmpty()) {
            budget.text("Same keys and values in " + a + " and " + b + ".");
        }
        d.problems().forEach(p -> budget.context(":warning: " + p));
        return new Rendered(title + ": " + summary, budget.build());
    }

    private static void section(BlockBudget budget, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            budget.text("*" + title + " (" + lines.size() + ")*");
            budget.lines(lines, "keys");
        }
    }
}
