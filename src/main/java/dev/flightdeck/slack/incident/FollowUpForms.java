package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.Mentions;
import dev.flightdeck.slack.command.Words;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** The {@code follow-up} and {@code follow-ups} forms of {@code /incident}. Throws {@link CommandProblem}. */
final class FollowUpForms {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private FollowUpForms() {
    }

    /** {@code <text> [@owner] [due YYYY-MM-DD]}: the owner and the due date in either order, after the text. */
    static IncidentCommand add(List<String> words, Optional<String> id, String prefix) {
        String usage = IncidentForm.FOLLOW_UP.usage();
        List<String> w = words;
        Optional<String> owner = Optional.empty();
        Optional<LocalDate> due = Optional.empty();
        for (int round = 0; round < 2 && !w.isEmpty(); round++) {
            int last = w.size() - 1;
            if (due.isEmpty() && Words.lower(w.get(last)).equals("due")) {
                throw new CommandProblem("Due when? Write the day as YYYY-MM-DD.", usage,
                        prefix + " " + Words.join(w.subList(0, last)) + " due YYYY-MM-DD");
            }
            if (due.isEmpty() && last >= 1 && Words.lower(w.get(last - 1)).equals("due")) {
                due = Optional.of(day(w.get(last), prefix + " " + Words.join(w.subList(0, last - 1))));
                w = w.subList(0, last - 1);
            } else if (owner.isEmpty() && Mentions.isUser(w.get(last))) {
                owner = Mentions.userId(w.get(last));
                w = w.subList(0, last);
            }
        }
        if (w.isEmpty()) {
            throw new CommandProblem("What is to be done? Write the follow-up's text.", usage, prefix + " <text>");
        }
        return new IncidentCommand.AddFollowUp(Words.join(w), owner, due, id);
    }

    /** {@code [@owner|all]}. */
    static IncidentCommand list(List<String> w) {
        String usage = IncidentForm.FOLLOW_UPS.usage();
        if (w.isEmpty()) {
            return new IncidentCommand.ListFollowUps(Optional.empty(), false);
        }
        if (w.size() == 1 && Words.lower(w.get(0)).equals("all")) {
            return new IncidentCommand.ListFollowUps(Optional.empty(), true);
        }
        if (w.size() == 1 && Mentions.isUser(w.get(0))) {
            return new IncidentCommand.ListFollowUps(Mentions.userId(w.get(0)), false);
        }
        throw new CommandProblem("`" + Words.join(w.stream().map(Mentions::display).toList())
                + "` is not expected: name one person, or all.", usage, "/incident follow-ups [@owner|all]");
    }

    private static LocalDate day(String word, String before) {
        try {
            return LocalDate.parse(word, DAY);
        } catch (DateTimeParseException e) {
            throw new CommandProblem("`" + word + "` is not a day: write it as YYYY-MM-DD, e.g. 2026-12-31.",
                    IncidentForm.FOLLOW_UP.usage(), before + " due YYYY-MM-DD");
        }
    }
}
