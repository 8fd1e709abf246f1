package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.KnownNames;
import dev.flightdeck.slack.command.Slots;
import dev.flightdeck.slack.command.Words;

import java.util.List;
import java.util.regex.Pattern;

import static dev.flightdeck.slack.command.Slots.ENV;
import static dev.flightdeck.slack.command.Slots.SERVICE;

/** {@code /deploy config set|unset <service> <env> <KEY>} and {@code /deploy config revert <change-id>} (issue 16). */
final class ConfigChangeForms {

    static final List<String> SUBCOMMANDS = List.of("set", "unset", "revert");

    // SSM names and secret members as people type them; no spaces, and nothing Slack would turn into a token.
    private static final Pattern KEY = Pattern.compile("[^\\s`<>*]{1,256}");
    private static final Pattern CHANGE_ID = Pattern.compile("#?([0-9]{1,18})");

    private ConfigChangeForms() {
    }

    static DeployCommand parse(String subcommand, List<String> w, KnownNames names) {
        if (subcommand.equals("revert")) {
            return revert(w);
        }
        DeployForm form = subcommand.equals("set") ? DeployForm.CONFIG_SET : DeployForm.CONFIG_UNSET;
        String prefix = "/deploy config " + subcommand + " ";
        String key = w.size() >= 3 && KEY.matcher(w.get(2)).matches() ? w.get(2) : "<KEY>";
        List<String> head = w.size() > 2 ? w.subList(0, 2) : w;
        // Service and environment first: an unknown one is answered with the nearest known name.
        List<String> v = Slots.fill(head, List.of(SERVICE, ENV), names, form.usage(),
                s -> prefix + Words.join(s) + " " + key);
        String closest = prefix + v.get(0) + " " + v.get(1) + " " + key;
        if (w.size() < 3) {
            throw new CommandProblem("Which key? Name it after the environment.", form.usage(), closest);
        }
        if (w.size() > 3) {
            // Not repeated: words after the key may be a value, and a secret's is not echoed anywhere.
            throw new CommandProblem("Nothing goes after the key" + (subcommand.equals("set")
                    ? ": the value goes in the form that opens, never in the command." : "."), form.usage(), closest);
        }
        if (!KEY.matcher(w.get(2)).matches()) {
            throw new CommandProblem("`" + w.get(2).replace('`', '\'') + "` is not a configuration key.", form.usage(),
                    closest);
        }
        return subcommand.equals("set") ? new DeployCommand.ConfigSet(v.get(0), v.get(1), w.get(2))
                : new DeployCommand.ConfigUnset(v.get(0), v.get(1), w.get(2));
    }

    private static DeployCommand revert(List<String> w) {
        String usage = DeployForm.CONFIG_REVERT.usage();
        if (w.size() != 1) {
            throw new CommandProblem(w.isEmpty() ? "Which change? `/deploy config revert` needs the change's number."
                    : "`/deploy config revert` takes one change number.", usage, "/deploy config revert <change-id>");
        }
        var m = CHANGE_ID.matcher(w.get(0));
        if (!m.matches()) {
            throw new CommandProblem("`" + w.get(0).replace('`', '\'') + "` is not a change number.", usage,
                    "/deploy config revert <change-id>");
        }
        return new DeployCommand.ConfigRevert(Long.parseLong(m.group(1)));
    }
}
