package dev.flightdeck.slack;

import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.slack.command.DeployCommand;
import dev.flightdeck.slack.command.DeployParser;
import jakarta.inject.Singleton;

/** {@code /deploy}; its subcommands are {@link CommandHandler} beans. */
@Singleton
public class DeployCommandListener extends SlashCommandListener<DeployCommand> {

    public DeployCommandListener(TeamConfig teamConfig, CommandRouter router) {
        super(Ids.DEPLOY_COMMAND,
                new DeployParser(teamConfig.environments().keySet(), teamConfig.services().keySet())::parse, router);
    }
}
