package dev.flightdeck.slack.handlers;

import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.command.DeployCommand;
import dev.flightdeck.slack.command.HelpText;
import dev.flightdeck.slack.command.IncidentCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** {@code /deploy help} and {@code /incident help}: the full command tables. */
@Factory
public class HelpHandlers {

    @Singleton
    CommandHandler<DeployCommand.Help> deployHelp() {
        return CommandHandler.of(DeployCommand.Help.class, (help, who) -> CommandReply.ok(help, HelpText.deploy()));
    }

    @Singleton
    CommandHandler<IncidentCommand.Help> incidentHelp() {
        return CommandHandler.of(IncidentCommand.Help.class, (help, who) -> CommandReply.ok(help, HelpText.incident()));
    }
}
