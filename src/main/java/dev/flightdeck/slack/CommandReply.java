package dev.flightdeck.slack;

import dev.flightdeck.slack.command.Parsed;

import java.util.Locale;
import java.util.function.Function;

/**
 * The ephemeral answer to a slash command, and what it counts as. Shared by every command family so that
 * malformed input is always answered the same way: the problem, the usage and the closest valid form.
 */
public record CommandReply(String text, String type, CommandMetrics.Outcome outcome) {

    public static <T> CommandReply of(String command, Parsed<T> parsed, Function<T, CommandReply> handle) {
        if (parsed instanceof Parsed.Ok<T> ok) {
            return handle.apply(ok.command());
        }
        return new CommandReply(((Parsed.Invalid<T>) parsed).toMrkdwn(), "invalid", CommandMetrics.Outcome.INVALID);
    }

    public static CommandReply ok(Object command, String text) {
        return new CommandReply(text, typeOf(command), CommandMetrics.Outcome.OK);
    }

    /** A valid command whose feature has not landed yet says so plainly instead of pretending. */
    public static CommandReply notBuiltYet(String command, Object parsed, String userText) {
        String typed = (command + " " + (userText == null ? "" : userText.trim().replaceAll("\\s+", " "))).trim();
        return new CommandReply("`" + typed + "` is a valid command, but this version of Flightdeck "
                + "does not do it yet. `" + command + " help` lists what it knows.",
                typeOf(parsed), CommandMetrics.Outcome.NOT_BUILT);
    }

    static String typeOf(Object command) {
        return command.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
