package dev.flightdeck.slack.deploy.slots;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.KnownNames;
import dev.flightdeck.slack.command.Words;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployForm;
import dev.flightdeck.text.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code /deploy claim <pool|slot> [for 4h] [-- <what for>]} and {@code /deploy release <slot>} (issue 19). */
public final class SlotForms {

    private SlotForms() {
    }

    /** @param keyword {@code claim} or {@code release}; {@code args} the words after it */
    public static DeployCommand parse(String keyword, Words.WithNote args, KnownNames names) {
        return keyword.equals("claim") ? claim(args, names) : release(args.words(), names);
    }

    private static DeployCommand claim(Words.WithNote args, KnownNames names) {
        String usage = DeployForm.CLAIM.usage();
        List<String> w = args.words();
        String purpose = args.hasSeparator() ? " -- " + args.note().orElse("<what for>") : "";
        if (w.isEmpty()) {
            throw new CommandProblem("Which pool or slot? `/deploy claim` needs one, like `dev` or `dev2`.", usage,
                    "/deploy claim <pool>" + purpose);
        }
        String target = name(w.get(0), names, usage, s -> "/deploy claim " + s + rest(w) + purpose);
        Optional<Duration> hold = Optional.empty();
        List<String> more = w.subList(1, w.size());
        if (!more.isEmpty()) {
            boolean saysFor = Words.lower(more.get(0)).equals("for");
            List<String> length = saysFor ? more.subList(1, more.size()) : more;
            Optional<Duration> parsed = length.size() == 1 ? Durations.parse(Words.lower(length.get(0)))
                    : Optional.empty();
            if (parsed.isEmpty()) {
                String typed = Words.join(more).replace('`', '\'');
                throw new CommandProblem("`" + typed + "` is not a hold: write `for` and a duration like 2h, 90m or 1d"
                        + (args.hasSeparator() ? "." : "; what it is for goes after `--`."), usage,
                        "/deploy claim " + target + " for 4h" + (args.hasSeparator() ? purpose
                                : saysFor || length.size() != 1 ? " -- " + Words.join(length).replace('`', '\'') : ""));
            }
            hold = parsed;
        }
        Optional<String> why = args.note().map(String::strip).filter(n -> !n.isEmpty());
        return new DeployCommand.Claim(target, hold, why);
    }

    private static DeployCommand release(List<String> w, KnownNames names) {
        String usage = DeployForm.RELEASE.usage();
        if (w.size() != 1) {
            throw new CommandProblem(w.isEmpty() ? "Which slot? `/deploy release` needs the slot you hold, like `dev2`."
                    : "`/deploy release` takes one slot.", usage, "/deploy release "
                    + (w.isEmpty() ? "<slot>" : name(w.get(0), names, usage, s -> "/deploy release " + s)));
        }
        return new DeployCommand.Release(name(w.get(0), names, usage, s -> "/deploy release " + s));
    }

    private static String name(String word, KnownNames names, String usage,
                               java.util.function.Function<String, String> closest) {
        Optional<String> problem = names.environmentProblem(word);
        if (problem.isPresent()) {
            throw new CommandProblem(problem.get(), usage, closest.apply(names.environmentSuggestion(word)));
        }
        return Words.lower(word);
    }

    private static String rest(List<String> w) {
        return w.size() > 1 ? " " + Words.join(w.subList(1, w.size())).replace('`', '\'') : "";
    }
}
