package dev.flightdeck.slack.envconfig;

import dev.flightdeck.envconfig.logs.LogQuery;
import dev.flightdeck.envconfig.logs.LogSearches;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.api.ResponseUrlSender;
import dev.flightdeck.slack.deploy.DeployCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Optional;

import static dev.flightdeck.slack.envconfig.ConfigHandlers.handler;

/**
 * {@code /deploy logs <service> <env> [since 1h] [-- <filter>]}: refuses a service without log groups at once,
 * else acks and lets {@link LogSearches} run the query; each answer it tells (a "still running" first when the query
 * is slow) goes to the command's response_url.
 */
@Factory
public class LogsHandler {

    private final LogSearches searches;
    private final ResponseUrlSender sender;

    public LogsHandler(LogSearches searches, ResponseUrlSender sender) {
        this.searches = searches;
        this.sender = sender;
    }

    @Singleton
    CommandHandler<DeployCommand.Logs> logs() {
        return handler(DeployCommand.Logs.class, (c, inv) -> {
            Optional<LogQuery> query;
            try {
                query = searches.plan(c.service(), c.env(), c.since(), c.filter());
            } catch (IllegalArgumentException e) {
                return CommandReply.refused(c, e.getMessage());
            }
            if (query.isEmpty()) {
                return CommandReply.refused(c, LogBlocks.noLogs(c.service()));
            }
            boolean started = searches.run(c.service(), c.env(), query.get(), answer -> {
                Rendered rendered = LogBlocks.render(c, answer);
                sender.respond(inv.responseUrl(), rendered.text(), rendered.blocks());
            });
            return started ? CommandReply.ok(c, LogBlocks.ack(c))
                    : CommandReply.refused(c, "Flightdeck is running many log searches already; try again in a minute.");
        });
    }
}
