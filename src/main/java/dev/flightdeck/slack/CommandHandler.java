package dev.flightdeck.slack;

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
}
