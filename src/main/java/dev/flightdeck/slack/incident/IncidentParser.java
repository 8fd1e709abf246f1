package dev.flightdeck.slack.incident;

import dev.flightdeck.text.Mrkdwn;
import java.util.List;
import java.util.Optional;
import dev.flightdeck.text.Closest;
import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.Mentions;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.command.Words;

/**
 * Parses the text of {@code /incident} into an {@link IncidentCommand}.
 *
 * <p>How the first word is read, in this order:
 * <ol>
 *   <li>an incident id ({@code INC-12}) before a subcommand names the incident; it may also come right after the
 *       subcommand or last ({@code /incident note INC-12 text}, {@code /incident resolve INC-12});</li>
 *   <li>a subcommand keyword ({@link IncidentForm#KEYWORDS}, or {@code sev}) is that subcommand;</li>
 *   <li>a likely typo of a keyword ({@code lsit}, {@code rol commander @x}) is answered with the corrected form,
 *       because declaring by accident creates a channel and pages people. A typo counts when nothing follows it,
 *       when the keyword takes free text (declare, update, note), or when the words after it fit that subcommand.
 *       So "Last deploy broke checkout" declares an incident, while "Notes service down" asks whether
 *       {@code note} was meant and shows {@code /incident declare Notes service down} as the way to declare it;</li>
 *   <li>anything else is the title of a new incident, with an optional sev1..sev4 last (or first).</li>
 * </ol>
 * Never throws: every input gives {@link Parsed.Ok} or {@link Parsed.Invalid}.
 */
public final class IncidentParser {

    private final IncidentSubcommands subcommands = new IncidentSubcommands();

    public Parsed<IncidentCommand> parse(String text) {
        try {
            return Parsed.ok(command(Words.split(Mrkdwn.fromSlack(text))));
        } catch (CommandProblem problem) {
            return problem.toParsed();
        }
    }

    private IncidentCommand command(List<String> w) {
        if (w.isEmpty()) {
            return new IncidentCommand.OpenDeclareModal();
        }
        Optional<String> leadingId = IncidentIds.parse(w.get(0));
        List<String> words = leadingId.isPresent() ? w.subList(1, w.size()) : w;
        if (leadingId.isPresent() && words.isEmpty()) {
            throw new CommandProblem("`" + w.get(0) + "` alone is not a command.", IncidentForm.SUMMARY.usage(),
                    "/incident summary " + leadingId.get());
        }
        String first = keyword(words.get(0));
        List<String> rest = words.subList(1, words.size());
        if (IncidentForm.KEYWORDS.contains(first)) {
            return subcommands.parse(first, rest, leadingId);
        }
        Optional<String> typo = Closest.typoOf(first, IncidentForm.KEYWORDS);
        if (typo.isPresent() && (leadingId.isPresent() || typoFits(typo.get(), rest))) {
            String declareHint = leadingId.isPresent() ? ""
                    : " To declare an incident with this title: /incident declare " + Words.join(words);
            throw new CommandProblem("Unknown subcommand `" + words.get(0) + "`: did you mean `" + typo.get() + "`?"
                    + declareHint, IncidentForm.byKeyword(typo.get()).usage(), closestFromKeyword(typo.get(), rest,
                    leadingId));
        }
        if (leadingId.isPresent()) {
            String nearest = Closest.nearest(first, IncidentForm.KEYWORDS);
            throw new CommandProblem("`" + words.get(0) + "` is not an /incident subcommand.",
                    IncidentForm.allUsages(), closestFromKeyword(nearest, rest, leadingId));
        }
        return subcommands.declare(w);
    }

    private static String keyword(String word) {
        String lower = Words.lower(word);
        return lower.equals("sev") ? "severity" : lower;
    }

    private boolean typoFits(String keyword, List<String> rest) {
        if (rest.isEmpty() || IncidentSubcommands.FREE_TEXT.contains(keyword)) {
            return true;
        }
        try {
            subcommands.parse(keyword, rest, Optional.empty());
            return true;
        } catch (CommandProblem problem) {
            return false;
        }
    }

    /** The user's words under the keyword they meant, or the closest form that keyword's parser suggests. */
    private String closestFromKeyword(String keyword, List<String> rest, Optional<String> id) {
        try {
            subcommands.parse(keyword, rest, id);
            String words = rest.isEmpty() ? "" : " " + Words.join(rest.stream().map(Mentions::display).toList());
            return "/incident " + keyword + id.map(i -> " " + i).orElse("") + words;
        } catch (CommandProblem problem) {
            return problem.closestForm() != null ? problem.closestForm() : IncidentForm.byKeyword(keyword).usage();
        }
    }
}
