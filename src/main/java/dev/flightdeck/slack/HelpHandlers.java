package dev.flightdeck.slack;

import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.HelpText;
import dev.flightdeck.slack.incident.IncidentCommand;
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
