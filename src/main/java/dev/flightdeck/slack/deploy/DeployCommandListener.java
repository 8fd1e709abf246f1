package dev.flightdeck.slack.deploy;

import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployParser;
import jakarta.inject.Singleton;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandRouter;
import dev.flightdeck.slack.SlashCommandListener;

/** {@code /deploy}; its subcommands are {@link CommandHandler} beans. */
@Singleton
public class DeployCommandListener extends SlashCommandListener<DeployCommand> {

    public DeployCommandListener(TeamConfig teamConfig, CommandRouter router) {
        super(DeploySlackIds.DEPLOY_COMMAND,
                new DeployParser(teamConfig.environments().keySet(), teamConfig.services().keySet())::parse, router);
    }
}
