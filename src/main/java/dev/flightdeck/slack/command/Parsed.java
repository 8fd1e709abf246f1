package dev.flightdeck.slack.command;

import dev.flightdeck.text.Mrkdwn;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing a slash command's text: a command, or what was wrong with it.
 * All strings in {@link Invalid} are plain text (not mrkdwn): use {@link Invalid#toMrkdwn()} to show one.
 */
public sealed interface Parsed<T> {

    record Ok<T>(T command) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * @param problem     one sentence saying what is wrong, quoting the user's word where there is one
     * @param usage       the usage of the subcommand the user meant, or the whole command table when unknown
     * @param closestForm the valid command nearest to what was typed, built from the user's own words
     *                    where possible ({@code <placeholders>} for the parts still missing)
     */
    record Invalid<T>(String problem, String usage, Optional<String> closestForm) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(closestForm, "closestForm");
        }

        /** The ephemeral answer: the problem, the closest form as a copyable code span, then the usage. */
        public String toMrkdwn() {
            StringBuilder out = new StringBuilder(":warning: ").append(Mrkdwn.escape(problem));
            closestForm.ifPresent(form -> out.append("\nTry: `").append(Mrkdwn.escape(form)).append('`'));
            return out.append("\nUsage:\n```").append(Mrkdwn.escape(usage)).append("```").toString();
        }
    }

    static <T> Parsed<T> ok(T command) {
        return new Ok<>(command);
    }

    static <T> Parsed<T> invalid(String problem, String usage, String closestForm) {
        return new Invalid<>(problem, usage, Optional.ofNullable(closestForm));
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }
}
