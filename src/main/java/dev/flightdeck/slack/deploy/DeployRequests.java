package dev.flightdeck.slack.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.KnownNames;
import dev.flightdeck.slack.command.Mentions;
import dev.flightdeck.slack.command.Words;

/**
 * The request form {@code <service> <version> to <env> [runner @user] [-- note]}: strict to accept, lenient to
 * suggest. Throws {@link CommandProblem}; {@link DeployParser} catches it.
 */
final class DeployRequests {

    private static final String USAGE = DeployForm.REQUEST.usage();

    private final KnownNames names;

    DeployRequests(KnownNames names) {
        this.names = names;
    }

    /**
     * Whether words after the first read like a deploy request: a version, {@code to}, a runner or a note.
     * An environment word alone counts only when asked, because most subcommands take one too
     * ({@code rolback commons prod} is a typo, not a request).
     */
    boolean looksLikeRequest(Words.WithNote input, boolean environmentCounts) {
        List<String> w = input.words();
        return input.hasSeparator() || w.subList(1, w.size()).stream().anyMatch(word -> names.looksLikeVersion(word)
                || environmentCounts && names.isEnvironment(word) || Mentions.isUser(word)
                || Words.lower(word).equals("to") || Words.lower(word).equals("runner"));
    }

    DeployCommand parse(Words.WithNote input) {
        List<String> w = input.words();
        String problem = problem(w);
        if (problem != null) {
            throw new CommandProblem(problem, USAGE, closest(input));
        }
        Optional<String> runner = w.size() == 6 ? Mentions.userId(w.get(5)) : Optional.empty();
        RequestChecks.NoteAndChecks tail = RequestChecks.split(input.note());
        return new DeployCommand.Request(Words.lower(w.get(0)), w.get(1), Words.lower(w.get(3)), runner, tail.note(),
                tail.checks());
    }

    /** The first thing wrong with the words, in the order a reader would notice it; null when nothing is. */
    private String problem(List<String> w) {
        if (names.isEnvironment(w.get(0))) {
            return "`" + w.get(0) + "` is an environment: name the service first.";
        }
        var serviceProblem = names.serviceProblem(w.get(0));
        if (serviceProblem.isPresent()) {
            return serviceProblem.get();
        }
        if (w.size() == 1) {
            return "Missing the version and the environment.";
        }
        String version = w.get(1);
        if (is(version, "to") || names.isEnvironment(version) && !names.looksLikeVersion(version)) {
            return "Missing the version to deploy.";
        }
        if (!KnownNames.isVersion(version)) {
            return "`" + version + "` is not a version: use letters, digits and . _ + - / (at most 64), "
                    + "e.g. 5.11.2, v1.2.3-rc.1 or a git sha.";
        }
        if (w.size() == 2) {
            return "Missing `to <env>` after the version.";
        }
        if (!is(w.get(2), "to")) {
            return names.isEnvironment(w.get(2)) || w.size() == 3
                    ? "Missing `to` before the environment `" + w.get(2) + "`."
                    : "Expected `to <env>` after the version, not `" + w.get(2) + "`.";
        }
        if (w.size() == 3) {
            return "Missing the environment after `to`.";
        }
        var envProblem = names.environmentProblem(w.get(3));
        if (envProblem.isPresent()) {
            return envProblem.get();
        }
        if (w.size() == 4) {
            return null;
        }
        if (!is(w.get(4), "runner")) {
            return Mentions.isUser(w.get(4))
                    ? "Write `runner` before the person who will run the build."
                    : "`" + Words.join(w.subList(4, w.size())) + "` is not expected after the environment: "
                    + "add `runner @user`, or a note after `--`.";
        }
        if (w.size() == 5) {
            return "Missing the person after `runner`: @-mention them.";
        }
        if (!Mentions.isUser(w.get(5))) {
            return "`" + w.get(5) + "` is not a mention: @-mention the person who will run the build.";
        }
        if (w.size() > 6) {
            return "`" + Words.join(w.subList(6, w.size())) + "` is not expected after the runner: "
                    + "put a note after `--`.";
        }
        return null;
    }

    /** The request the user most likely meant, each word put where it belongs; placeholders for what is missing. */
    String closest(Words.WithNote input) {
        List<String> w = input.words();
        String runner = null;
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            if (is(w.get(i), "runner") && runner == null) {
                runner = i + 1 < w.size() ? Mentions.asPerson(w.get(++i)) : "@user";
            } else if (Mentions.isUser(w.get(i)) && runner == null) {
                runner = Mentions.display(w.get(i));
            } else {
                rest.add(i);
            }
        }
        Integer env = null;
        int to = indexOf(rest, w, "to");
        if (to >= 0 && to + 1 < rest.size()) {
            env = rest.get(to + 1);
        }
        for (int i : rest) {
            if (env == null && names.isEnvironment(w.get(i))) {
                env = i;
            }
        }
        List<Integer> others = new ArrayList<>();
        Integer version = null;
        for (int i : rest) {
            // A second environment word or a subcommand keyword cannot be the service: leave a placeholder instead.
            if (is(w.get(i), "to") || env != null && i == env || names.isEnvironment(w.get(i))
                    || DeployForm.KEYWORDS.contains(Words.lower(w.get(i)))) {
                continue;
            }
            if (version == null && names.looksLikeVersion(w.get(i))) {
                version = i;
            } else {
                others.add(i);
            }
        }
        Integer service = others.isEmpty() ? null : others.remove(0);
        if (version == null && !others.isEmpty() && KnownNames.isVersion(w.get(others.get(0)))) {
            version = others.remove(0);
        }
        if (env == null && !others.isEmpty()) {
            env = others.remove(0);
        }
        List<String> note = new ArrayList<>();
        for (int i : others) {
            if (env != null && i > env) {
                note.add(w.get(i));
            }
        }
        input.note().ifPresent(note::add);
        return "/deploy " + serviceWord(w, service) + " " + (version == null ? "<version>" : w.get(version))
                + " to " + envWord(w, env) + (runner == null ? "" : " runner " + runner)
                + (note.isEmpty() ? "" : " -- " + Words.join(note));
    }

    private String serviceWord(List<String> w, Integer index) {
        if (index == null) {
            return "<service>";
        }
        String word = w.get(index);
        return names.serviceProblem(word).isPresent() ? names.serviceSuggestion(word) : Words.lower(word);
    }

    private String envWord(List<String> w, Integer index) {
        if (index == null) {
            return "<env>";
        }
        String word = w.get(index);
        return names.environmentProblem(word).isPresent() ? names.environmentSuggestion(word) : Words.lower(word);
    }

    private static int indexOf(List<Integer> positions, List<String> w, String keyword) {
        for (int k = 0; k < positions.size(); k++) {
            if (is(w.get(positions.get(k)), keyword)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean is(String word, String keyword) {
        return Words.lower(word).equals(keyword);
    }
}
