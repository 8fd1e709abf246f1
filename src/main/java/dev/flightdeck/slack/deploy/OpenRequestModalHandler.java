package dev.flightdeck.slack.deploy;

import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.deploy.DeployModals;
import dev.flightdeck.slack.deploy.DeployCommand;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.flightdeck.slack.edge.AfterAck;

/** {@code /deploy} alone: the request form, with the team's services and environments to choose from. */
@Singleton
public class OpenRequestModalHandler implements CommandHandler<DeployCommand.OpenRequestModal> {

    private static final Logger LOG = LoggerFactory.getLogger(OpenRequestModalHandler.class);

    private final TeamConfig config;
    private final SlackGateway gateway;
    private final AfterAck afterAck;

    public OpenRequestModalHandler(TeamConfig config, SlackGateway gateway, AfterAck afterAck) {
        this.config = config;
        this.gateway = gateway;
        this.afterAck = afterAck;
    }

    @Override
    public Class<DeployCommand.OpenRequestModal> handles() {
        return DeployCommand.OpenRequestModal.class;
    }

    @Override
    public CommandReply handle(DeployCommand.OpenRequestModal c, Invocation invocation) {
        if (config.services().isEmpty() || config.environments().isEmpty()) {
            return CommandReply.refused(c, "There is nothing to deploy yet: the team config lists no services or no "
                    + "environments.");
        }
        var view = DeployModals.requestForm(config.services().keySet(), config.environments().keySet(),
                invocation.channelId());
        gateway.call("views.open", client -> client.viewsOpen(r -> r.triggerId(invocation.triggerId()).view(view)))
                .whenComplete((response, e) -> {
                    if (e != null || !response.isOk()) {
                        LOG.warn("could not open the deploy form: {}", e != null ? e.getMessage() : response.getError());
                        afterAck.respond(invocation.responseUrl(), "Could not open the deploy form; type "
                                + "`/deploy <service> <version> to <env>` instead.");
                    }
                });
        return CommandReply.ok(c, "Opening the deploy form …");
    }
}
