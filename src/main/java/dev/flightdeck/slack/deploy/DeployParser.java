package dev.flightdeck.slack.deploy;

import dev.flightdeck.text.Mrkdwn;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.flightdeck.text.Closest;
import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.KnownNames;
import dev.flightdeck.slack.command.Mentions;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.command.Words;

/**
 * Parses the text of {@code /deploy} (every form {@link DeployForm} lists) into a {@link DeployCommand}.
 *
 * <p>How the first word is read, in this order:
 * <ol>
 *   <li>a subcommand keyword ({@link DeployForm#KEYWORDS}) is that subcommand, even if a service has that name;</li>
 *   <li>a known service, or an environment word, starts a deploy request;</li>
 *   <li>a likely typo of a keyword ({@code histroy}) is answered with the corrected subcommand, unless the words
 *       after it read like a request ({@code stash 1.2 to prod}: a version, {@code to}, a runner or a note),
 *       in which case it is a service;</li>
 *   <li>any other word followed by request-like words (those, or an environment) is a service;</li>
 *   <li>otherwise ({@code frobnicate}) it is an unknown subcommand: the nearest keyword and the full usage.</li>
 * </ol>
 * When the team's services are known, an unknown service is refused with the nearest known one suggested.
 * Never throws: every input gives {@link Parsed.Ok} or {@link Parsed.Invalid}.
 */
public final class DeployParser {

    private final KnownNames names;
    private final DeploySubcommands subcommands;
    private final DeployRequests requests;

    /**
     * @param environments the team's environment names; empty when unknown (common names are then recognised)
     * @param services     the team's service names; empty when unknown (any name is then accepted)
     */
    public DeployParser(Set<String> environments, Set<String> services) {
        this.names = new KnownNames(Set.copyOf(environments), Set.copyOf(services));
        this.subcommands = new DeploySubcommands(names);
        this.requests = new DeployRequests(names);
    }

    /** A parser that knows no team names. */
    public DeployParser() {
        this(Set.of(), Set.of());
    }

    public Parsed<DeployCommand> parse(String text) {
        try {
            return Parsed.ok(command(Words.splitNote(Words.split(Mrkdwn.fromSlack(text)))));
        } catch (CommandProblem problem) {
            return problem.toParsed();
        }
    }

    private DeployCommand command(Words.WithNote input) {
        List<String> w = input.words();
        if (w.isEmpty()) {
            if (input.hasSeparator()) {
                throw new CommandProblem("A note goes after a deploy request.", DeployForm.REQUEST.usage(),
                        "/deploy <service> <version> to <env> -- " + input.note().orElse("<note>"));
            }
            return new DeployCommand.OpenRequestModal();
        }
        String first = Words.lower(w.get(0));
        Words.WithNote rest = new Words.WithNote(w.subList(1, w.size()), input.note(), input.hasSeparator());
        if (DeployForm.KEYWORDS.contains(first)) {
            return subcommands.parse(first, rest);
        }
        if (names.isService(first) || names.isEnvironment(first)) {
            return requests.parse(input);
        }
        Optional<String> typo = Closest.typoOf(first, DeployForm.KEYWORDS);
        if (typo.isPresent() && !requests.looksLikeRequest(input, false)) {
            throw new CommandProblem("Unknown subcommand `" + w.get(0) + "`: did you mean `" + typo.get() + "`?",
                    DeployForm.byKeyword(typo.get()).usage(), closestFromKeyword(subcommands, typo.get(), rest,
                    DeployForm.byKeyword(typo.get()).usage()));
        }
        if (requests.looksLikeRequest(input, true) || Closest.typoOf(first, names.services()).isPresent()) {
            return requests.parse(input);
        }
        String nearest = Closest.nearest(first, DeployForm.KEYWORDS);
        String problem = names.servicesKnown()
                ? "`" + w.get(0) + "` is neither a /deploy subcommand nor a known service."
                : "`" + w.get(0) + "` is not a /deploy subcommand. To deploy a service by that name: /deploy "
                + first + " <version> to <env>";
        throw new CommandProblem(problem, DeployForm.allUsages(),
                closestFromKeyword(subcommands, nearest, rest, DeployForm.byKeyword(nearest).usage()));
    }

    /**
     * The user's words under the keyword they meant: the command itself when it then parses, else the closest form
     * that keyword's parser builds from them, else the fallback.
     */
    static String closestFromKeyword(DeploySubcommands subcommands, String keyword, Words.WithNote rest,
                                     String fallback) {
        try {
            subcommands.parse(keyword, rest);
            String words = rest.words().isEmpty() ? "" : " " + Words.join(rest.words().stream()
                    .map(Mentions::display).toList());
            return "/deploy " + keyword + words + (rest.hasSeparator() ? " -- " + rest.note().orElse("") : "");
        } catch (CommandProblem problem) {
            return problem.closestForm() != null ? problem.closestForm() : fallback;
        }
    }
}
