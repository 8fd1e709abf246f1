package dev.flightdeck.slack.deploy;

import dev.flightdeck.envconfig.logs.LogQueries;
import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.KnownNames;
import dev.flightdeck.slack.command.Slots;
import dev.flightdeck.slack.command.Words;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.slack.command.Slots.ENV;
import static dev.flightdeck.slack.command.Slots.SERVICE;

/**
 * {@code /deploy logs <service> <env> [since 1h] [-- <filter>]}: the span may be written with or without
 * {@code since}; the filter is everything after {@code --}. Throws {@link CommandProblem} with the closest form.
 */
final class LogsForm {

    private LogsForm() {
    }

    static DeployCommand parse(Words.WithNote args, KnownNames names) {
        String usage = DeployForm.LOGS.usage();
        List<String> w = args.words();
        String tail = args.hasSeparator() ? " -- " + args.note().orElse("<filter>") : "";
        List<String> named = Slots.fill(w.subList(0, Math.min(2, w.size())), List.of(SERVICE, ENV), names, usage,
                s -> "/deploy logs " + Words.join(s) + tail);
        String prefix = "/deploy logs " + Words.join(named);
        List<String> rest = w.subList(2, w.size());
        if (!rest.isEmpty() && Words.lower(rest.get(0)).equals("since")) {
            rest = rest.subList(1, rest.size());
            if (rest.isEmpty()) {
                throw new CommandProblem("`since` needs a time span after it, like 15m, 1h or 2d.", usage,
                        prefix + " since 1h" + tail);
            }
        }
        if (rest.size() > 1) {
            throw new CommandProblem("`" + Words.join(rest.subList(1, rest.size())) + "` is not expected: a filter goes "
                    + "after `--`.", usage, prefix + " since " + rest.get(0) + " -- " + Words.join(rest.subList(1, rest.size())));
        }
        Duration since = LogQueries.DEFAULT_SINCE;
        if (!rest.isEmpty()) {
            try {
                since = LogQueries.since(rest.get(0));
            } catch (IllegalArgumentException e) {
                throw new CommandProblem(e.getMessage(), usage, prefix + " since 1h" + tail);
            }
        }
        Optional<String> filter = args.note().map(String::strip).filter(f -> !f.isEmpty());
        if (args.hasSeparator() && filter.isEmpty()) {
            throw new CommandProblem("Nothing follows `--`: give a text to find, or leave out the `--`.", usage,
                    prefix + " since " + LogQueries.words(since) + " -- <filter>");
        }
        try {
            LogQueries.query(filter);
        } catch (IllegalArgumentException e) {
            throw new CommandProblem(e.getMessage(), usage, prefix + " since " + LogQueries.words(since)
                    + " -- query: fields @timestamp, @message | limit 20");
        }
        return new DeployCommand.Logs(named.get(0), named.get(1), since, filter);
    }
}
