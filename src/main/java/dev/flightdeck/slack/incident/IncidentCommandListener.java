package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.incident.IncidentParser;
import jakarta.inject.Singleton;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandRouter;
import dev.flightdeck.slack.SlashCommandListener;

/** {@code /incident}; its subcommands are {@link CommandHandler} beans. */
@Singleton
public class IncidentCommandListener extends SlashCommandListener<IncidentCommand> {

    public IncidentCommandListener(CommandRouter router) {
        super(IncidentSlackIds.INCIDENT_COMMAND, new IncidentParser()::parse, router);
    }
}
