package dev.flightdeck.slack.envconfig;

import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigSnapshot;
import dev.flightdeck.text.Texts;
import dev.flightdeck.text.UtcTime;

import java.util.ArrayList;
import java.util.List;

import static dev.flightdeck.text.Mrkdwn.code;
import static dev.flightdeck.text.Texts.plural;

/** {@code /deploy config <service> <env>}: every key, plain values shown, secrets as type, version, date and fingerprint. */
public final class ConfigBlocks {

    static final int MAX_VALUE = 300;

    private ConfigBlocks() {
    }

    public static Rendered render(ConfigSnapshot snapshot) {
        String title = "Config of " + snapshot.service() + " in " + snapshot.env();
        String summary = plural(snapshot.size(), "key", "keys") + ", " + plural(snapshot.secretCount(), "secret", "secrets")
                + " (values never shown; compare fingerprints)";
        BlockBudget budget = new BlockBudget().header(title).context(summary);
        List<String> lines = new ArrayList<>();
        for (ConfigEntry e : snapshot.entries().values()) {
            lines.add(line(e));
        }
        if (lines.isEmpty()) {
            budget.text("No keys found.");
        }
        budget.lines(lines, "keys");
        snapshot.problems().forEach(p -> budget.context(":warning: " + p));
        return new Rendered(title + ": " + summary, budget.build());
    }

    static String line(ConfigEntry e) {
        String meta = e.type() + " · v" + e.version() + " · " + e.lastModified().map(UtcTime::format).orElse("?")
                + e.lastModifiedBy().map(by -> " by " + by).orElse("");
        if (e.isSecret()) {
            return ":lock: " + code(e.key()) + "  ••••••  fingerprint " + code(e.fingerprint()) + "  _" + meta + "_";
        }
        return code(e.key()) + " = " + code(Texts.shorten(e.plainValue().orElseThrow(), MAX_VALUE)) + "  _" + meta + "_";
    }

    /** The value as shown in a diff: plain (shortened) or masked with its fingerprint. */
    static String value(ConfigEntry e) {
        return e.isSecret() ? ":lock: fingerprint " + code(e.fingerprint())
                : code(Texts.shorten(e.plainValue().orElseThrow(), MAX_VALUE));
    }
}
