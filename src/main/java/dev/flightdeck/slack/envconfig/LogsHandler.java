package dev.flightdeck.slack.envconfig;

import dev.flightdeck.audit.AuditType;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.envconfig.logs.LogQueries;
import dev.flightdeck.envconfig.logs.LogQuery;
import dev.flightdeck.envconfig.logs.LogSearches;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.api.ResponseUrlSender;
import dev.flightdeck.slack.deploy.DeployCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.slack.envconfig.ConfigHandlers.handler;

/**
 * {@code /deploy logs <service> <env> [since 1h] [-- <filter>]}: refuses a service without log groups at once,
 * else acks and lets {@link LogSearches} run the query; each answer it tells (a "still running" first when the query
 * is slow) goes to the command's response_url. Who searched which service's logs is audited; what they searched for
 * is not (people search logs for a leaked key, and the audit log must not keep one).
 */
@Factory
public class LogsHandler {

    static final AuditType LOGS_SEARCHED = new AuditType("logs.searched", 1);

    private final LogSearches searches;
    private final ResponseUrlSender sender;
    // A provider: the audit store (database) is needed when a search runs, not while the application starts.
    private final Provider<Auditor> auditor;

    public LogsHandler(LogSearches searches, ResponseUrlSender sender, Provider<Auditor> auditor) {
        this.searches = searches;
        this.sender = sender;
        this.auditor = auditor;
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
            if (!started) {
                return CommandReply.refused(c, "Flightdeck is running many log searches already; try again in a minute.");
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("service", c.service());
            payload.put("env", c.env());
            payload.put("since", LogQueries.words(c.since()));
            payload.put("search", c.filter().map(f -> f.regionMatches(true, 0, LogQueries.QUERY_PREFIX, 0,
                    LogQueries.QUERY_PREFIX.length()) ? "own query" : "text").orElse("newest lines"));
            auditor.get().record(LOGS_SEARCHED, inv.userId(), payload);
            return CommandReply.ok(c, LogBlocks.ack(c));
        });
    }
}
