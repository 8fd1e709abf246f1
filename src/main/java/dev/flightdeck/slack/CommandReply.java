package dev.flightdeck.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.text.Mrkdwn;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The immediate answer to a slash command (what the ack carries) and what it counts as in the metrics.
 * Ephemeral unless {@code inChannel}; {@code blocks} may be empty, {@code text} is always the fallback.
 */
public record CommandReply(String text, List<LayoutBlock> blocks, boolean inChannel, String type,
                           CommandMetrics.Outcome outcome) {

    public CommandReply {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** Malformed input is always answered the same way: the problem, the closest valid form, the usage. */
    public static <T> CommandReply of(Parsed<T> parsed, Function<T, CommandReply> handle) {
        if (parsed instanceof Parsed.Ok<T> ok) {
            return handle.apply(ok.command());
        }
        return new CommandReply(((Parsed.Invalid<T>) parsed).toMrkdwn(), List.of(), false, "invalid",
                CommandMetrics.Outcome.INVALID);
    }

    public static CommandReply ok(Object command, String text) {
        return new CommandReply(text, List.of(), false, typeOf(command), CommandMetrics.Outcome.OK);
    }

    public static CommandReply ok(Object command, String text, List<LayoutBlock> blocks) {
        return new CommandReply(text, blocks, false, typeOf(command), CommandMetrics.Outcome.OK);
    }

    /** A well-formed command that can't be done as asked (unknown service, not allowed, …): says exactly why. */
    public static CommandReply refused(Object command, String why) {
        return new CommandReply(why, List.of(), false, typeOf(command), CommandMetrics.Outcome.INVALID);
    }

    public static CommandReply error(Object command, String apology) {
        return new CommandReply(apology, List.of(), false, typeOf(command), CommandMetrics.Outcome.ERROR);
    }

    /** A valid command whose feature has not landed yet says so plainly instead of pretending. */
    public static CommandReply notBuiltYet(String command, Object parsed, String userText) {
        String typed = (command + " " + (userText == null ? "" : Mrkdwn.fromSlack(userText).trim().replaceAll("\\s+", " "))).trim();
        return new CommandReply(Mrkdwn.code(typed) + " is a valid command, but this version of Flightdeck "
                + "does not do it yet. `" + command + " help` lists what it knows.",
                List.of(), false, typeOf(parsed), CommandMetrics.Outcome.NOT_BUILT);
    }

    public CommandReply toChannel() {
        return new CommandReply(text, blocks, true, type, outcome);
    }

    static String typeOf(Object command) {
        return command.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
