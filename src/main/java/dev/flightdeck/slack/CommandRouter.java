package dev.flightdeck.slack;

import dev.flightdeck.slack.command.Parsed;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends each parsed command to the one handler registered for its type. A valid command with no handler yet
 * says so plainly; a handler that throws gets a short apology with a reference, never a stack trace.
 */
@Singleton
public class CommandRouter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    private final Map<Class<?>, CommandHandler<?>> handlers = new HashMap<>();
    private final CommandMetrics metrics;

    public CommandRouter(List<CommandHandler<?>> all, CommandMetrics metrics) {
        this.metrics = metrics;
        for (CommandHandler<?> handler : all) {
            CommandHandler<?> clash = handlers.put(handler.handles(), handler);
            if (clash != null) {
                throw new IllegalStateException("Two handlers for " + handler.handles().getSimpleName() + ": "
                        + clash.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
            }
        }
    }

    public <T> CommandReply route(String slashCommand, Parsed<T> parsed, Invocation invocation) {
        CommandReply reply = CommandReply.of(parsed, command -> dispatch(slashCommand, command, invocation));
        metrics.handled(slashCommand, reply.type(), reply.outcome());
        // One line per command that may change something; help is read-only and frequent, so it stays at debug.
        if ("help".equals(reply.type())) {
            LOG.debug("{} {} by {} in {}: {}", slashCommand, reply.type(), invocation.userId(), invocation.channelId(), reply.outcome());
        } else {
            LOG.info("{} {} by {} in {}: {}", slashCommand, reply.type(), invocation.userId(), invocation.channelId(), reply.outcome());
        }
        return reply;
    }

    @SuppressWarnings("unchecked")
    private <T> CommandReply dispatch(String slashCommand, T command, Invocation invocation) {
        CommandHandler<T> handler = (CommandHandler<T>) handlers.get(command.getClass());
        if (handler == null) {
            return CommandReply.notBuiltYet(slashCommand, command, invocation.text());
        }
        try {
            return handler.handle(command, invocation);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed (reference {})", slashCommand, CommandReply.typeOf(command), reference, e);
            return CommandReply.error(command, "Sorry, `" + slashCommand + "` failed on our side and nothing was changed "
                    + "by this attempt. Reference `" + reference + "` in Flightdeck's log.");
        }
    }
}
