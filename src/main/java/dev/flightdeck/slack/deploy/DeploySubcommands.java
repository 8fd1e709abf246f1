package dev.flightdeck.slack.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.flightdeck.slack.command.Slots.ENV;
import static dev.flightdeck.slack.command.Slots.SERVICE;
import dev.flightdeck.text.Closest;
import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.KnownNames;
import dev.flightdeck.slack.command.Slots;
import dev.flightdeck.slack.command.Words;

/** The {@code /deploy <keyword> ...} forms. Throws {@link CommandProblem}; {@link DeployParser} catches it. */
final class DeploySubcommands {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DAYS = Pattern.compile("(?i)([0-9]{1,9})d?");
    private static final Pattern ID = Pattern.compile("#?([A-Za-z0-9][A-Za-z0-9_-]{0,63})");

    private static final List<String> CONFIG_SUBCOMMANDS = List.of("diff", "check", "set", "unset", "revert");

    private final KnownNames names;

    DeploySubcommands(KnownNames names) {
        this.names = names;
    }

    /** @param keyword one of {@link DeployForm#KEYWORDS}; words are those after it */
    DeployCommand parse(String keyword, Words.WithNote args) {
        List<String> w = args.words();
        if (args.hasSeparator() && !List.of("lock", "help", "cancel", "logs", "claim").contains(keyword)) {
            throw new CommandProblem("`/deploy " + keyword + "` takes no note after `--`.",
                    DeployForm.byKeyword(keyword).usage(), withoutSeparator(keyword, args));
        }
        return switch (keyword) {
            case "status" -> status(w);
            case "history" -> history(w);
            case "cancel" -> cancel(w, args.note());
            case "rollback" -> serviceEnv(DeployForm.ROLLBACK, w, v -> new DeployCommand.Rollback(v.get(0), v.get(1)));
            case "lock" -> lock(args);
            case "unlock" -> serviceEnv(DeployForm.UNLOCK, w, v -> new DeployCommand.Unlock(v.get(0), v.get(1)));
            case "config" -> config(w);
            case "alarms" -> alarms(w);
            case "health" -> serviceEnv(DeployForm.HEALTH, w, v -> new DeployCommand.Health(v.get(0), v.get(1)));
            case "stats" -> stats(w);
            case "logs" -> LogsForm.parse(args, names);
            case "slo" -> slo(w);
            case "flag" -> FlagForm.parse(w, names);
            case "help" -> new DeployCommand.Help();
            case "claim", "release" -> dev.flightdeck.slack.deploy.slots.SlotForms.parse(keyword, args, names);
            default -> throw new IllegalArgumentException("not a /deploy keyword: " + keyword);
        };
    }

    /** The closest form when a "--" was typed where none belongs: the words after it may be the missing ones. */
    private String withoutSeparator(String keyword, Words.WithNote args) {
        List<String> all = new ArrayList<>(args.words());
        args.note().ifPresent(note -> all.addAll(Words.split(note)));
        try {
            parse(keyword, new Words.WithNote(all, Optional.empty(), false));
            return "/deploy " + keyword + prefixed(all);
        } catch (CommandProblem problem) {
            return problem.closestForm();
        }
    }

    private DeployCommand status(List<String> w) {
        if (w.size() > 1) {
            String closest;
            try {
                status(w.subList(0, 1));
                closest = "/deploy status " + w.get(0);
            } catch (CommandProblem problem) {
                closest = problem.closestForm();
            }
            throw new CommandProblem("`/deploy status` takes at most one service name.", DeployForm.STATUS.usage(),
                    closest);
        }
        if (w.size() == 1 && names.isEnvironment(w.get(0))) {
            throw new CommandProblem("`/deploy status` covers every environment: name a service, or nothing.",
                    DeployForm.STATUS.usage(), "/deploy status");
        }
        return new DeployCommand.Status(w.isEmpty() ? Optional.empty()
                : Optional.of(service(w.get(0), DeployForm.STATUS, s -> "/deploy status " + s)));
    }

    private DeployCommand history(List<String> w) {
        String usage = DeployForm.HISTORY.usage();
        if (w.isEmpty()) {
            throw new CommandProblem("Which service? `/deploy history` needs a service name.", usage,
                    "/deploy history <service>");
        }
        String service = service(w.get(0), DeployForm.HISTORY, s -> "/deploy history " + s + prefixed(w.subList(1, w.size())));
        Optional<String> env = Optional.empty();
        Integer limit = null;
        for (String word : w.subList(1, w.size())) {
            if (NUMBER.matcher(word).matches() && limit == null) {
                limit = Integer.parseInt(word);
            } else if (!NUMBER.matcher(word).matches() && env.isEmpty()) {
                env = Optional.of(environment(word, DeployForm.HISTORY, e -> "/deploy history " + service + " " + e));
            } else {
                throw new CommandProblem("`" + word + "` is not expected: give at most one environment and one number.",
                        usage, "/deploy history " + service + env.map(e -> " " + e).orElse("")
                        + (limit == null ? "" : " " + Math.max(1, Math.min(limit, DeployCommand.MAX_HISTORY_LIMIT))));
            }
        }
        int n = limit == null ? DeployCommand.DEFAULT_HISTORY_LIMIT : limit;
        if (n < 1 || n > DeployCommand.MAX_HISTORY_LIMIT) {
            throw new CommandProblem("The number of deploys must be between 1 and " + DeployCommand.MAX_HISTORY_LIMIT
                    + ".", usage, "/deploy history " + service + env.map(e -> " " + e).orElse("") + " "
                    + Math.max(1, Math.min(n, DeployCommand.MAX_HISTORY_LIMIT)));
        }
        return new DeployCommand.History(service, env, n);
    }

    private DeployCommand cancel(List<String> w, Optional<String> reason) {
        String usage = DeployForm.CANCEL.usage();
        if (w.size() != 1) {
            throw new CommandProblem(w.isEmpty() ? "Which request? `/deploy cancel` needs the request id."
                    : "`/deploy cancel` takes one request id.", usage,
                    "/deploy cancel " + (w.isEmpty() || !ID.matcher(w.get(0)).matches() ? "<id>" : w.get(0)));
        }
        var m = ID.matcher(w.get(0));
        if (!m.matches()) {
            throw new CommandProblem("`" + w.get(0) + "` is not a request id.", usage, "/deploy cancel <id>");
        }
        return new DeployCommand.Cancel(m.group(1), reason.map(String::strip).filter(r -> !r.isEmpty()));
    }

    private DeployCommand lock(Words.WithNote args) {
        String usage = DeployForm.LOCK.usage();
        List<String> w = args.words();
        Optional<String> reason = args.note();
        if (!args.hasSeparator() && w.size() > 2) {
            // "lock commons prod migration running": the reason is there, only the "--" is missing.
            String because = " -- " + Words.join(w.subList(2, w.size()));
            List<String> named = Slots.fill(w.subList(0, 2), List.of(SERVICE, ENV), names, usage,
                    s -> "/deploy lock " + Words.join(s) + because);
            throw new CommandProblem("Put the reason after `--`.", usage, "/deploy lock " + Words.join(named) + because);
        }
        String suffix = " -- " + reason.orElse("<reason>");
        List<String> v = Slots.fill(w, List.of(SERVICE, ENV), names, usage,
                s -> "/deploy lock " + Words.join(s) + suffix);
        if (reason.isEmpty()) {
            throw new CommandProblem("A lock needs a reason: add it after `--`.", usage,
                    "/deploy lock " + Words.join(v) + " -- <reason>");
        }
        return new DeployCommand.Lock(v.get(0), v.get(1), reason.get());
    }

    private DeployCommand config(List<String> w) {
        String first = w.isEmpty() ? "" : Words.lower(w.get(0));
        List<String> rest = w.isEmpty() ? w : w.subList(1, w.size());
        if (first.equals("diff")) {
            List<String> v = Slots.fill(rest, List.of(SERVICE, new Slots.Slot(Slots.Kind.ENV, "<env-a>"),
                    new Slots.Slot(Slots.Kind.ENV, "<env-b>")), names, DeployForm.CONFIG_DIFF.usage(),
                    s -> "/deploy config diff " + Words.join(s));
            if (v.get(1).equals(v.get(2))) {
                throw new CommandProblem("Compare two different environments.", DeployForm.CONFIG_DIFF.usage(),
                        "/deploy config diff " + v.get(0) + " " + v.get(1) + " <env-b>");
            }
            return new DeployCommand.ConfigDiff(v.get(0), v.get(1), v.get(2));
        }
        if (first.equals("check")) {
            return serviceEnv(DeployForm.CONFIG_CHECK, rest, v -> new DeployCommand.ConfigCheck(v.get(0), v.get(1)));
        }
        if (ConfigChangeForms.SUBCOMMANDS.contains(first)) {
            return ConfigChangeForms.parse(first, rest, names);
        }
        var typo = Closest.typoOf(first, CONFIG_SUBCOMMANDS);
        if (typo.isPresent() && !names.isService(first) && !names.isEnvironment(first)) {
            DeployForm meant = DeployForm.byKeyword("config " + typo.get());
            throw new CommandProblem("Unknown `config` subcommand `" + w.get(0) + "`: did you mean `" + typo.get()
                    + "`?", meant.usage(), DeployParser.closestFromKeyword(this,
                    "config", new Words.WithNote(withFirst(typo.get(), rest), Optional.empty(), false), meant.usage()));
        }
        return serviceEnv(DeployForm.CONFIG, w, v -> new DeployCommand.Config(v.get(0), v.get(1)));
    }

    private DeployCommand alarms(List<String> w) {
        if (w.isEmpty()) {
            return new DeployCommand.Alarms(Optional.empty(), Optional.empty());
        }
        if (w.size() == 1 && names.isEnvironment(w.get(0))) {
            return new DeployCommand.Alarms(Optional.empty(),
                    Optional.of(environment(w.get(0), DeployForm.ALARMS, e -> "/deploy alarms " + e)));
        }
        if (w.size() == 1) {
            return new DeployCommand.Alarms(
                    Optional.of(service(w.get(0), DeployForm.ALARMS, s -> "/deploy alarms " + s)), Optional.empty());
        }
        return serviceEnv(DeployForm.ALARMS, w,
                v -> new DeployCommand.Alarms(Optional.of(v.get(0)), Optional.of(v.get(1))));
    }

    private DeployCommand slo(List<String> w) {
        if (w.size() == 1 && names.isEnvironment(w.get(0)) && !names.isService(w.get(0))) {
            return new DeployCommand.Slo(Optional.empty(),
                    Optional.of(environment(w.get(0), DeployForm.SLO, e -> "/deploy slo " + e)));
        }
        if (w.size() <= 1) {
            return new DeployCommand.Slo(w.stream().findFirst()
                    .map(s -> service(s, DeployForm.SLO, x -> "/deploy slo " + x)), Optional.empty());
        }
        return serviceEnv(DeployForm.SLO, w, v -> new DeployCommand.Slo(Optional.of(v.get(0)), Optional.of(v.get(1))));
    }

    private DeployCommand stats(List<String> w) {
        String usage = DeployForm.STATS.usage();
        Optional<String> service = Optional.empty();
        Integer days = null;
        for (String word : w) {
            var m = DAYS.matcher(word);
            if (m.matches() && days == null) {
                days = Integer.parseInt(m.group(1));
            } else if (!m.matches() && service.isEmpty()) {
                service = Optional.of(service(word, DeployForm.STATS, s -> "/deploy stats " + s));
            } else {
                throw new CommandProblem("`" + word + "` is not expected: give a service, then a number of days.",
                        usage, "/deploy stats" + service.map(s -> " " + s).orElse("")
                        + (days == null ? "" : " " + Math.max(1, Math.min(days, DeployCommand.MAX_STATS_DAYS))));
            }
        }
        int d = days == null ? DeployCommand.DEFAULT_STATS_DAYS : days;
        if (d < 1 || d > DeployCommand.MAX_STATS_DAYS) {
            throw new CommandProblem("The number of days must be between 1 and " + DeployCommand.MAX_STATS_DAYS + ".",
                    usage, "/deploy stats" + service.map(s -> " " + s).orElse("") + " "
                    + Math.max(1, Math.min(d, DeployCommand.MAX_STATS_DAYS)));
        }
        return new DeployCommand.Stats(service, d);
    }

    private DeployCommand serviceEnv(DeployForm form, List<String> w, Function<List<String>, DeployCommand> make) {
        String prefix = "/deploy " + form.keyword().orElseThrow() + " ";
        return make.apply(Slots.fill(w, List.of(SERVICE, ENV), names, form.usage(), s -> prefix + Words.join(s)));
    }

    private String service(String word, DeployForm form, Function<String, String> closest) {
        var problem = names.serviceProblem(word);
        if (problem.isPresent()) {
            throw new CommandProblem(problem.get(), form.usage(), closest.apply(names.serviceSuggestion(word)));
        }
        return Words.lower(word);
    }

    private String environment(String word, DeployForm form, Function<String, String> closest) {
        var problem = names.environmentProblem(word);
        if (problem.isPresent()) {
            throw new CommandProblem(problem.get(), form.usage(), closest.apply(names.environmentSuggestion(word)));
        }
        return Words.lower(word);
    }

    private static String prefixed(List<String> words) {
        return words.isEmpty() ? "" : " " + Words.join(words);
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
