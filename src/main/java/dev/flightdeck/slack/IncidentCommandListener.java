package dev.flightdeck.slack;

import dev.flightdeck.slack.command.IncidentCommand;
import dev.flightdeck.slack.command.IncidentParser;
import jakarta.inject.Singleton;

/** {@code /incident}; its subcommands are {@link CommandHandler} beans. */
@Singleton
public class IncidentCommandListener extends SlashCommandListener<IncidentCommand> {

    public IncidentCommandListener(CommandRouter router) {
        super(Ids.INCIDENT_COMMAND, new IncidentParser()::parse, router);
    }
}
