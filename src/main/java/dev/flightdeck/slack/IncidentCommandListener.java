package dev.flightdeck.slack;

import com.slack.api.bolt.App;
import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.slack.command.IncidentCommand;
import dev.flightdeck.slack.command.IncidentParser;
import dev.flightdeck.slack.command.HelpText;
import jakarta.inject.Singleton;

/** {@code /incident}: parse → (service call) → render → ack. */
@Singleton
public class IncidentCommandListener implements SlackListener {

    private final IncidentParser parser;
    private final CommandMetrics metrics;

    public IncidentCommandListener(TeamConfig teamConfig, CommandMetrics metrics) {
        this.parser = new IncidentParser();
        this.metrics = metrics;
    }

    @Override
    public void register(App app) {
        app.command(Ids.INCIDENT_COMMAND, (req, ctx) -> {
            String text = req.getPayload().getText();
            CommandReply reply = answer(text);
            metrics.handled(Ids.INCIDENT_COMMAND, reply.type(), reply.outcome());
            return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()));
        });
    }

    CommandReply answer(String text) {
        return CommandReply.of(Ids.INCIDENT_COMMAND, parser.parse(text), command -> command instanceof IncidentCommand.Help
                ? CommandReply.ok(command, HelpText.incident())
                : CommandReply.notBuiltYet(Ids.INCIDENT_COMMAND, command, text));
    }
}
