package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.Words;
import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.incident.IncidentForm;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /incident page <target> [-- message]} and {@code /incident oncall [target]}. An incident id may come before
 * the keyword or right after it ({@code /incident page INC-12 platform}). Throws {@link CommandProblem}.
 */
public final class PagingSubcommands {

    private PagingSubcommands() {
    }

    /** @param ids reads an incident id as typed ({@code inc-12}) into {@code INC-12}, empty when it is not one */
    public static IncidentCommand page(List<String> args, Optional<String> leadingId,
                                       Function<String, Optional<String>> ids) {
        Optional<String> id = leadingId;
        Words.WithNote split = Words.splitNote(args);
        List<String> w = split.words();
        if (id.isEmpty() && !w.isEmpty() && ids.apply(w.get(0)).isPresent()) {
            id = ids.apply(w.get(0));
            w = w.subList(1, w.size());
        }
        String prefix = "/incident page" + id.map(i -> " " + i).orElse("");
        String usage = IncidentForm.PAGE.usage();
        if (w.isEmpty()) {
            throw new CommandProblem("Which on-call target? `/incident oncall` lists them.", usage,
                    prefix + " <target>" + split.note().map(n -> " -- " + n).orElse(""));
        }
        if (w.size() > 1) {
            // "Page load is slow" was meant as a title more often than as a page.
            String declare = leadingId.isPresent() ? "" : " To declare an incident with this title: /incident declare "
                    + "page " + Words.join(args) + ".";
            throw new CommandProblem("`/incident page` takes one target, then `--` and the message." + declare, usage,
                    prefix + " " + w.get(0) + " -- " + split.note().orElse(Words.join(w.subList(1, w.size()))));
        }
        if (split.hasSeparator() && split.note().isEmpty()) {
            throw new CommandProblem("Add the message after `--`, or leave out the `--`.", usage,
                    prefix + " " + w.get(0) + " -- <message>");
        }
        return new IncidentCommand.Page(Words.lower(w.get(0)), split.note(), id);
    }

    public static IncidentCommand oncall(List<String> args, Optional<String> leadingId) {
        if (leadingId.isPresent()) {
            throw new CommandProblem("`/incident oncall` is about the team's targets, not an incident: it takes no "
                    + "incident id.", IncidentForm.ONCALL.usage(), "/incident oncall");
        }
        if (args.size() > 1) {
            throw new CommandProblem("`/incident oncall` takes at most one target.", IncidentForm.ONCALL.usage(),
                    "/incident oncall " + args.get(0));
        }
        return new IncidentCommand.Oncall(args.stream().findFirst().map(Words::lower));
    }
}
