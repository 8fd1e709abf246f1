package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.KnownNames;
import dev.flightdeck.slack.command.Words;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /deploy flag <key> [env]} and {@code /deploy flag <key> on|off in <env>} ({@code in} may be left out). The
 * key is kept as typed (providers' keys are case-sensitive) and must look like one. Throws {@link CommandProblem}
 * with the closest form.
 */
final class FlagForm {

    /** LaunchDarkly's and Flagsmith's flag keys: letters, digits, '.', '_' and '-'. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private FlagForm() {
    }

    static DeployCommand parse(List<String> w, KnownNames names) {
        String show = DeployForm.FLAG.usage();
        String flip = DeployForm.FLAG_FLIP.usage();
        if (w.isEmpty()) {
            throw new CommandProblem("Name the flag: its key, as in your flag provider.", show + "\n" + flip,
                    "/deploy flag <key>");
        }
        String key = w.get(0);
        if (!KEY.matcher(key).matches()) {
            throw new CommandProblem("`" + key + "` is not a flag key (letters, digits, '.', '_' and '-').", show,
                    "/deploy flag <key>");
        }
        List<String> rest = w.subList(1, w.size());
        if (rest.isEmpty()) {
            return new DeployCommand.FlagShow(key, Optional.empty());
        }
        String second = Words.lower(rest.get(0));
        if (!second.equals("on") && !second.equals("off")) {
            if (rest.size() == 1) {
                return new DeployCommand.FlagShow(key, Optional.of(environment(rest.get(0), names, show,
                        "/deploy flag " + key + " ")));
            }
            throw new CommandProblem("After the flag key comes an environment to look at, or `on` or `off` to flip it.",
                    show + "\n" + flip, "/deploy flag " + key + " off in <env>");
        }
        boolean on = second.equals("on");
        List<String> where = rest.subList(1, rest.size());
        if (!where.isEmpty() && Words.lower(where.get(0)).equals("in")) {
            where = where.subList(1, where.size());
        }
        String prefix = "/deploy flag " + key + " " + second + " in ";
        if (where.isEmpty()) {
            throw new CommandProblem("Say in which environment to turn it " + second + ".", flip, prefix + "<env>");
        }
        if (where.size() > 1) {
            throw new CommandProblem("`" + Words.join(where.subList(1, where.size())) + "` is not expected after the "
                    + "environment.", flip, prefix + Words.lower(where.get(0)));
        }
        return new DeployCommand.FlagFlip(key, on, environment(where.get(0), names, flip, prefix));
    }

    private static String environment(String word, KnownNames names, String usage, String prefix) {
        Optional<String> problem = names.environmentProblem(word);
        if (problem.isPresent()) {
            throw new CommandProblem(problem.get(), usage, prefix + names.environmentSuggestion(word));
        }
        return Words.lower(word);
    }
}
