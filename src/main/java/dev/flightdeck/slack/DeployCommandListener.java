package dev.flightdeck.slack;

import com.slack.api.bolt.App;
import dev.flightdeck.config.TeamConfig;
import dev.flightdeck.slack.command.DeployCommand;
import dev.flightdeck.slack.command.DeployParser;
import dev.flightdeck.slack.command.HelpText;
import jakarta.inject.Singleton;

/** {@code /deploy}: parse → (service call) → render → ack. */
@Singleton
public class DeployCommandListener implements SlackListener {

    private final DeployParser parser;
    private final CommandMetrics metrics;

    public DeployCommandListener(TeamConfig teamConfig, CommandMetrics metrics) {
        this.parser = new DeployParser(teamConfig.environments().keySet(), teamConfig.services().keySet());
        this.metrics = metrics;
    }

    @Override
    public void register(App app) {
        app.command(Ids.DEPLOY_COMMAND, (req, ctx) -> {
            String text = req.getPayload().getText();
            CommandReply reply = answer(text);
            metrics.handled(Ids.DEPLOY_COMMAND, reply.type(), reply.outcome());
            return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()));
        });
    }

    CommandReply answer(String text) {
        return CommandReply.of(Ids.DEPLOY_COMMAND, parser.parse(text), command -> command instanceof DeployCommand.Help
                ? CommandReply.ok(command, HelpText.deploy())
                : CommandReply.notBuiltYet(Ids.DEPLOY_COMMAND, command, text));
    }
}
