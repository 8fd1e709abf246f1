package dev.flightdeck.slack.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.flightdeck.text.Closest;
import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.Mentions;
import dev.flightdeck.slack.command.Words;

/** The {@code /incident <keyword> ...} forms. Throws {@link CommandProblem}; {@link IncidentParser} catches it. */
final class IncidentSubcommands {

    /** Subcommands whose argument is free text, so any words after a typo of them fit. */
    static final List<String> FREE_TEXT = List.of("declare", "update", "note", "follow-up");

    /** Subcommands about one incident, which may name it; a declare title may mention an id ("Repeat of INC-9"). */
    private static final List<String> TARGETED = List.of("role", "update", "severity", "note", "resolve", "summary",
            "access", "follow-up");

    /** @param leadingId an incident id typed before the keyword ({@code /incident INC-12 resolve}) */
    IncidentCommand parse(String keyword, List<String> args, Optional<String> leadingId) {
        PublicFlag.Split flag = keyword.equals("update") ? PublicFlag.split(args) : PublicFlag.none(args);
        args = flag.rest();
        Optional<String> id = leadingId;
        List<String> w = args;
        boolean targeted = TARGETED.contains(keyword);
        if (targeted && id.isEmpty() && !w.isEmpty() && IncidentIds.parse(w.get(0)).isPresent()) {
            id = IncidentIds.parse(w.get(0));
            w = w.subList(1, w.size());
        } else if (targeted && id.isEmpty() && !w.isEmpty() && IncidentIds.parse(w.get(w.size() - 1)).isPresent()) {
            id = IncidentIds.parse(w.get(w.size() - 1));
            w = w.subList(0, w.size() - 1);
        }
        String prefix = "/incident " + keyword + id.map(i -> " " + i).orElse("");
        if (id.isPresent() && List.of("declare", "list", "follow-ups").contains(keyword)) {
            throw new CommandProblem("`/incident " + keyword + "` takes no incident id.",
                    IncidentForm.byKeyword(keyword).usage(), keyword.equals("list") ? "/incident list"
                    : keyword.equals("follow-ups") ? "/incident follow-ups" : declareForm(args));
        }
        return switch (keyword) {
            case "declare" -> args.isEmpty() ? new IncidentCommand.OpenDeclareModal() : declare(args);
            case "role" -> role(w, id, prefix);
            case "update" -> flag.found() ? PublicFlag.publish(update(w, id, prefix + " --public")) : update(w, id, prefix);
            case "severity" -> severity(w, id, prefix);
            case "note" -> {
                if (w.isEmpty()) {
                    throw new CommandProblem("What should the note say?", IncidentForm.NOTE.usage(), prefix + " <text>");
                }
                yield new IncidentCommand.Note(Words.join(w), id);
            }
            case "resolve" -> {
                if (!w.isEmpty()) {
                    throw new CommandProblem("`/incident resolve` takes no text: it opens the summary form. "
                            + "To record something first, use /incident note.", IncidentForm.RESOLVE.usage(), prefix);
                }
                yield new IncidentCommand.Resolve(id);
            }
            case "summary" -> summary(w, id);
            case "list" -> {
                if (!w.isEmpty()) {
                    throw new CommandProblem("`/incident list` takes no arguments.", IncidentForm.LIST.usage(),
                            "/incident list");
                }
                yield new IncidentCommand.List();
            }
            case "help" -> new IncidentCommand.Help();
            case "page" -> dev.flightdeck.slack.incident.paging.PagingSubcommands.page(args, leadingId, IncidentIds::parse);
            case "oncall" -> dev.flightdeck.slack.incident.paging.PagingSubcommands.oncall(args, leadingId);
            case "access" -> AccessSubcommand.parse(w, id, prefix);
            case "follow-up" -> FollowUpForms.add(w, id, prefix);
            case "follow-ups" -> FollowUpForms.list(w);
            default -> throw new IllegalArgumentException("not an /incident keyword: " + keyword);
        };
    }

    private String declareForm(List<String> args) {
        if (args.isEmpty()) {
            return "/incident declare";
        }
        try {
            declare(args);
            return "/incident declare " + Words.join(args);
        } catch (CommandProblem problem) {
            return problem.closestForm();
        }
    }

    /** A title with an optional severity: last ({@code sev2}, {@code sev 2}) or, failing that, first. */
    IncidentCommand declare(List<String> words) {
        List<String> title = new ArrayList<>(words);
        CommandSeverity severity = CommandSeverity.DEFAULT;
        int last = title.size() - 1;
        if (title.size() >= 2 && Words.lower(title.get(last - 1)).equals("sev")
                && CommandSeverity.parseLenient(title.get(last)).isPresent()) {
            severity = CommandSeverity.parseLenient(title.get(last)).get();
            title = title.subList(0, last - 1);
        } else if (CommandSeverity.looksLikeSeverity(title.get(last))) {
            severity = severityOrProblem(title.get(last), "/incident declare "
                    + Words.join(title.subList(0, last)) + " sev1..sev4");
            title = title.subList(0, last);
        } else if (CommandSeverity.looksLikeSeverity(title.get(0))) {
            severity = severityOrProblem(title.get(0), "/incident declare "
                    + Words.join(title.subList(1, title.size())) + " sev1..sev4");
            title = title.subList(1, title.size());
        }
        if (title.isEmpty()) {
            throw new CommandProblem("A title is needed. To change the severity of an open incident, use "
                    + "/incident severity " + severity.label() + ".", IncidentForm.DECLARE.usage(),
                    "/incident declare <title> " + severity.label());
        }
        String joined = Words.join(title);
        if (joined.length() > IncidentCommand.Declare.MAX_TITLE) {
            // Found by fuzzing: the database refused it and the person got an apology instead of the reason.
            throw new CommandProblem("The title is " + joined.length() + " characters long; at most "
                    + IncidentCommand.Declare.MAX_TITLE + " fit. Keep it short and put the details in an /incident update.",
                    IncidentForm.DECLARE.usage(), "/incident declare <shorter title> " + severity.label());
        }
        return new IncidentCommand.Declare(joined, severity);
    }

    private static CommandSeverity severityOrProblem(String word, String closest) {
        return CommandSeverity.parse(word).orElseThrow(() -> new CommandProblem("`" + word
                + "` is not a severity: use sev1 (most severe) to sev4.", IncidentForm.DECLARE.usage(), closest));
    }

    private IncidentCommand role(List<String> w, Optional<String> id, String prefix) {
        String usage = IncidentForm.ROLE.usage();
        if (w.isEmpty()) {
            throw new CommandProblem("Which role, and who?", usage, prefix + " commander|communicator @user");
        }
        // "role @dana communicator" is as clear as "role communicator @dana".
        boolean personFirst = w.size() >= 2 && Mentions.isUser(w.get(0)) && !Mentions.isUser(w.get(1));
        String roleWord = personFirst ? w.get(1) : w.get(0);
        String person = personFirst ? w.get(0) : w.size() >= 2 ? w.get(1) : null;
        String personShown = person == null ? "@user" : Mentions.asPerson(person);
        Optional<RoleName> role = RoleName.parse(roleWord);
        if (role.isEmpty()) {
            String meant = Closest.typoOf(Words.lower(roleWord), RoleName.WORDS).orElse("commander|communicator");
            throw new CommandProblem("`" + roleWord + "` is not a role: use commander or communicator.", usage,
                    prefix + " " + meant + " " + personShown);
        }
        String label = role.get().label();
        if (person == null) {
            throw new CommandProblem("Who? @-mention the new " + label + ".", usage, prefix + " " + label + " @user");
        }
        if (!Mentions.isUser(person)) {
            throw new CommandProblem("`" + person + "` is not a mention: @-mention the person.", usage,
                    prefix + " " + label + " " + personShown);
        }
        if (w.size() > 2) {
            throw new CommandProblem("`" + Words.join(w.subList(2, w.size())) + "` is not expected: one role, one person.",
                    usage, prefix + " " + label + " " + personShown);
        }
        return new IncidentCommand.Role(role.get(), Mentions.userId(person).orElseThrow(), id);
    }

    private IncidentCommand update(List<String> w, Optional<String> id, String prefix) {
        String usage = IncidentForm.UPDATE.usage();
        if (w.isEmpty()) {
            throw new CommandProblem("What is the update?", usage, prefix + " <text>");
        }
        String first = Words.lower(w.get(0));
        List<String> rest = w.subList(1, w.size());
        String restOrPlaceholder = rest.isEmpty() ? "<text>" : Words.join(rest);
        Optional<UpdateStatus> status = UpdateStatus.parse(first);
        if (status.isPresent()) {
            if (rest.isEmpty()) {
                throw new CommandProblem("Add what changed after the status.", usage, prefix + " " + first + " <text>");
            }
            return new IncidentCommand.Update(status, Words.join(rest), id);
        }
        if (first.equals("resolved")) {
            throw new CommandProblem("To resolve the incident, use /incident resolve: it opens the summary form.",
                    IncidentForm.RESOLVE.usage(), "/incident resolve" + id.map(i -> " " + i).orElse(""));
        }
        Optional<String> typo = first.length() >= 6 ? Closest.typoOf(first, UpdateStatus.WORDS) : Optional.empty();
        if (typo.isPresent()) {
            throw new CommandProblem("`" + w.get(0) + "` is not a status: did you mean `" + typo.get() + "`?", usage,
                    prefix + " " + typo.get() + " " + restOrPlaceholder);
        }
        return new IncidentCommand.Update(Optional.empty(), Words.join(w), id);
    }

    private IncidentCommand severity(List<String> w, Optional<String> id, String prefix) {
        String usage = IncidentForm.SEVERITY.usage();
        // "sev 2" typed as two words.
        String word = w.size() == 2 && Words.lower(w.get(0)).equals("sev") ? "sev" + w.get(1)
                : w.size() == 1 ? w.get(0) : null;
        if (word == null) {
            throw new CommandProblem(w.isEmpty() ? "Which severity?" : "`/incident severity` takes one severity.",
                    usage, prefix + " sev1..sev4");
        }
        return new IncidentCommand.SetSeverity(CommandSeverity.parseLenient(word).orElseThrow(() -> new CommandProblem(
                "`" + word + "` is not a severity: use sev1 (most severe) to sev4.", usage, prefix + " sev1..sev4")), id);
    }

    private IncidentCommand summary(List<String> w, Optional<String> id) {
        if (!w.isEmpty()) {
            String closest = w.size() == 1 && w.get(0).matches("[1-9][0-9]{0,8}") ? "/incident summary INC-" + w.get(0)
                    : "/incident summary" + id.map(i -> " " + i).orElse("");
            throw new CommandProblem("`" + Words.join(w) + "` is not an incident id (like INC-12).",
                    IncidentForm.SUMMARY.usage(), closest);
        }
        return new IncidentCommand.Summary(id);
    }
}
