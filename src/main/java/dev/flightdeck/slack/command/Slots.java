package dev.flightdeck.slack.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Fits a user's words into a form's service and environment slots. Words in the wrong order
 * ({@code rollback prod commons}), missing or surplus still yield a closest form built from those words.
 */
public final class Slots {

    public enum Kind { SERVICE, ENV }

    public record Slot(Kind kind, String placeholder) {
    }

    public static final Slot SERVICE = new Slot(Kind.SERVICE, "<service>");
    public static final Slot ENV = new Slot(Kind.ENV, "<env>");

    private Slots() {
    }

    /**
     * @param render turns slot values (placeholders where missing) into the full closest form
     * @return the words, lowercased, in slot order
     */
    public static List<String> fill(List<String> words, List<Slot> slots, KnownNames names, String usage,
                             Function<List<String>, String> render) {
        if (words.size() != slots.size()) {
            List<String> arranged = arrange(words, slots, names);
            String problem = words.size() < slots.size()
                    ? "Missing " + missing(arranged, slots) + "."
                    : "Too many words: `" + Words.join(words.subList(slots.size(), words.size())) + "` is not expected.";
            throw new CommandProblem(problem, usage, render.apply(known(arranged, slots, names)));
        }
        if (outOfOrder(words, slots, names)) {
            throw new CommandProblem("`" + firstEnvironmentInServiceSlot(words, slots, names)
                    + "` is an environment: the service comes first.", usage,
                    render.apply(known(arrange(words, slots, names), slots, names)));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            String word = words.get(i);
            boolean service = slots.get(i).kind() == Kind.SERVICE;
            var problem = service ? names.serviceProblem(word) : names.environmentProblem(word);
            if (problem.isPresent()) {
                List<String> fixed = new ArrayList<>(words);
                fixed.set(i, service ? names.serviceSuggestion(word) : names.environmentSuggestion(word));
                throw new CommandProblem(problem.get(), usage, render.apply(fixed));
            }
            values.add(Words.lower(word));
        }
        return values;
    }

    /** Words the team does not know replaced by the name they most likely meant, or a placeholder. */
    private static List<String> known(List<String> arranged, List<Slot> slots, KnownNames names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            String word = arranged.get(i);
            boolean service = slots.get(i).kind() == Kind.SERVICE;
            if (word.equals(slots.get(i).placeholder())) {
                out.add(word);
            } else if (service) {
                out.add(names.serviceProblem(word).isPresent() ? names.serviceSuggestion(word) : Words.lower(word));
            } else {
                out.add(names.environmentProblem(word).isPresent() ? names.environmentSuggestion(word) : Words.lower(word));
            }
        }
        return out;
    }

    private static boolean outOfOrder(List<String> words, List<Slot> slots, KnownNames names) {
        boolean envInServiceSlot = false;
        boolean otherInEnvSlot = false;
        for (int i = 0; i < slots.size(); i++) {
            boolean env = names.isEnvironment(words.get(i));
            envInServiceSlot |= slots.get(i).kind() == Kind.SERVICE && env;
            otherInEnvSlot |= slots.get(i).kind() == Kind.ENV && !env;
        }
        return envInServiceSlot && otherInEnvSlot;
    }

    private static String firstEnvironmentInServiceSlot(List<String> words, List<Slot> slots, KnownNames names) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).kind() == Kind.SERVICE && names.isEnvironment(words.get(i))) {
                return words.get(i);
            }
        }
        return words.get(0);
    }

    /** Environment words to environment slots, other words to service slots, in the order typed; surplus dropped. */
    public static List<String> arrange(List<String> words, List<Slot> slots, KnownNames names) {
        List<String> envs = new ArrayList<>();
        List<String> others = new ArrayList<>();
        words.forEach(w -> (names.isEnvironment(w) ? envs : others).add(w));
        long serviceSlots = slots.stream().filter(s -> s.kind() == Kind.SERVICE).count();
        List<String> out = new ArrayList<>();
        int servicesTaken = 0;
        for (Slot slot : slots) {
            if (slot.kind() == Kind.SERVICE) {
                out.add(others.isEmpty() ? slot.placeholder() : others.remove(0));
                servicesTaken++;
            } else if (!envs.isEmpty()) {
                out.add(envs.remove(0));
            } else if (others.size() > serviceSlots - servicesTaken) {
                // An environment name we do not know (say "uat"), typed where an environment goes.
                out.add(others.remove((int) (serviceSlots - servicesTaken)));
            } else {
                out.add(slot.placeholder());
            }
        }
        return out;
    }

    private static String missing(List<String> arranged, List<Slot> slots) {
        Set<String> absent = new LinkedHashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            if (arranged.get(i).equals(slots.get(i).placeholder())) {
                absent.add(slots.get(i).kind() == Kind.SERVICE ? "the service" : "the environment");
            }
        }
        return absent.isEmpty() ? "a name" : String.join(" and ", absent);
    }
}
