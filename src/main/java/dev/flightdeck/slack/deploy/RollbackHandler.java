package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployQueries;
import dev.flightdeck.deploy.NewDeploy;
import dev.flightdeck.deploy.RequestDeploy;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.deploy.DeployCommand;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;
import dev.flightdeck.slack.edge.AfterAck;

/** {@code /deploy rollback <service> <env>}: a new request, marked as a rollback, for the last good version before the current one. */
@Singleton
public class RollbackHandler implements CommandHandler<DeployCommand.Rollback> {

    private final Provider<DeployQueries> queries;
    private final Provider<RequestDeploy> requests;
    private final AfterAck afterAck;

    public RollbackHandler(Provider<DeployQueries> queries, Provider<RequestDeploy> requests, AfterAck afterAck) {
        this.queries = queries;
        this.requests = requests;
        this.afterAck = afterAck;
    }

    @Override
    public Class<DeployCommand.Rollback> handles() {
        return DeployCommand.Rollback.class;
    }

    @Override
    public CommandReply handle(DeployCommand.Rollback c, Invocation invocation) {
        String env = c.env().toUpperCase(Locale.ROOT);
        var target = queries.get().rollbackTarget(c.service(), c.env());
        if (target.isEmpty()) {
            return CommandReply.refused(c, "Nothing to roll back to: " + c.service() + " has no earlier successful deploy "
                    + "to " + env + " with another version than the current one.");
        }
        var current = target.get().current();
        var to = target.get().target();
        NewDeploy d = new NewDeploy(c.service(), to.version(), c.env(), invocation.userId(), Optional.empty(),
                Optional.of("rollback from " + current.version() + " (deploy #" + current.id() + ") to " + to.version()
                        + " (deploy #" + to.id() + ")"), Optional.of(current.id()));
        afterAck.run("/deploy rollback", invocation.responseUrl(), () -> OutcomeWords.say(requests.get().request(d)));
        return CommandReply.ok(c, "Checking a rollback of " + c.service() + " in " + env + " from " + current.version()
                + " to " + to.version() + " … the go/no-go message follows in the environment's channel.");
    }
}
