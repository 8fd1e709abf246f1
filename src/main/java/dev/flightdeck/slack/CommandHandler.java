package dev.flightdeck.slack;

import dev.flightdeck.slack.api.SlackGateway;

/**
 * Handles one kind of parsed command (a record of {@code DeployCommand} or {@code IncidentCommand}).
 * Adding a command is one new bean: the listener finds it by {@link #handles()}, nothing else is edited.
 * {@link #handle} runs before the ack, so it must be quick: parse → one service call → render. Slow work
 * (Slack channel creation, builds, AWS) goes on an executor afterwards, answering through the response URL
 * or the {@link SlackGateway}.
 */
public interface CommandHandler<C> {

    Class<C> handles();

    CommandReply handle(C command, Invocation invocation);

    /** A handler from a function, for commands whose answer needs no collaborators (help, say). */
    static <C> CommandHandler<C> of(Class<C> type, java.util.function.BiFunction<C, Invocation, CommandReply> handle) {
        return new CommandHandler<>() {
            @Override
            public Class<C> handles() {
                return type;
            }

            @Override
            public CommandReply handle(C command, Invocation invocation) {
                return handle.apply(command, invocation);
            }
        };
    }
}
