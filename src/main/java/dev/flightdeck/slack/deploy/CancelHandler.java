package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.deploy.DeployCommand;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.OptionalLong;
import dev.flightdeck.slack.edge.AfterAck;

/** {@code /deploy cancel <id> [-- <reason>]}. */
@Singleton
public class CancelHandler implements CommandHandler<DeployCommand.Cancel> {

    private final Provider<DeployService> deploys;
    private final AfterAck afterAck;

    public CancelHandler(Provider<DeployService> deploys, AfterAck afterAck) {
        this.deploys = deploys;
        this.afterAck = afterAck;
    }

    @Override
    public Class<DeployCommand.Cancel> handles() {
        return DeployCommand.Cancel.class;
    }

    @Override
    public CommandReply handle(DeployCommand.Cancel c, Invocation invocation) {
        OptionalLong id = RequestIds.parse(c.id());
        if (id.isEmpty()) {
            return CommandReply.refused(c, RequestIds.notAnId(c.id()));
        }
        afterAck.run("/deploy cancel", invocation.responseUrl(),
                () -> OutcomeWords.say(deploys.get().cancel(id.getAsLong(), invocation.userId(), c.reason().orElse(null))));
        return CommandReply.ok(c, "Cancelling deploy #" + id.getAsLong() + " …");
    }
}
