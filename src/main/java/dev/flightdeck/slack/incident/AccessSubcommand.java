package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.Words;
import dev.flightdeck.text.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code /incident access [<permission-set> [for 2h] -- <reason>]}. Throws {@link CommandProblem}. */
final class AccessSubcommand {

    private AccessSubcommand() {
    }

    static IncidentCommand parse(List<String> args, Optional<String> id, String prefix) {
        String usage = IncidentForm.ACCESS.usage();
        Words.WithNote split = Words.splitNote(args);
        List<String> w = split.words();
        if (w.isEmpty() && !split.hasSeparator()) {
            return new IncidentCommand.AccessList(id);
        }
        if (w.isEmpty()) {
            throw new CommandProblem("Which permission set?", usage, prefix + " <permission-set> -- "
                    + split.note().orElse("<reason>"));
        }
        String set = w.get(0);
        List<String> rest = w.subList(1, w.size());
        Optional<Duration> duration = Optional.empty();
        if (!rest.isEmpty()) {
            // "for 2h" or just "2h".
            List<String> d = Words.lower(rest.get(0)).equals("for") ? rest.subList(1, rest.size()) : rest;
            String joined = String.join("", d);
            duration = d.isEmpty() || d.size() > 2 ? Optional.empty() : Durations.parse(Words.lower(joined));
            if (duration.isEmpty()) {
                throw new CommandProblem("`" + Words.join(rest) + "` is not a duration: write it like `for 2h` or "
                        + "`for 30m`.", usage, prefix + " " + set + " for 1h -- " + split.note().orElse("<reason>"));
            }
        }
        String form = prefix + " " + set + duration.map(x -> " for " + Durations.format(x)).orElse("");
        if (split.note().isEmpty() || split.note().get().isBlank()) {
            throw new CommandProblem("Say why after `--`: break-glass access needs a reason, which goes on the "
                    + "timeline and the audit trail.", usage, form + " -- <reason>");
        }
        String reason = split.note().get().strip();
        if (reason.length() > IncidentCommand.Access.MAX_REASON) {
            throw new CommandProblem("The reason is " + reason.length() + " characters long; at most "
                    + IncidentCommand.Access.MAX_REASON + " fit.", usage, form + " -- <shorter reason>");
        }
        return new IncidentCommand.Access(set, duration, reason, id);
    }
}
