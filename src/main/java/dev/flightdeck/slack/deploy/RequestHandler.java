package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.InputProblem;
import dev.flightdeck.deploy.NewDeploy;
import dev.flightdeck.deploy.RequestDeploy;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.deploy.DeployCommand;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;
import dev.flightdeck.slack.edge.AfterAck;

/** {@code /deploy <service> <version> to <env> [runner @user] [-- note]}: ack "Checking…", then check and post. */
@Singleton
public class RequestHandler implements CommandHandler<DeployCommand.Request> {

    private final Provider<RequestDeploy> requests;
    private final AfterAck afterAck;

    public RequestHandler(Provider<RequestDeploy> requests, AfterAck afterAck) {
        this.requests = requests;
        this.afterAck = afterAck;
    }

    @Override
    public Class<DeployCommand.Request> handles() {
        return DeployCommand.Request.class;
    }

    @Override
    public CommandReply handle(DeployCommand.Request c, Invocation invocation) {
        NewDeploy d = new NewDeploy(c.service(), c.version(), c.env(), invocation.userId(), c.runnerUserId(),
                c.note().filter(n -> !n.isBlank()), Optional.empty(), c.checks());
        Optional<InputProblem> problem = requests.get().problem(d);
        if (problem.isPresent()) {
            return CommandReply.refused(c, InputWords.say(problem.get()));
        }
        afterAck.run("/deploy " + c.service(), invocation.responseUrl(), () -> OutcomeWords.say(requests.get().request(d)));
        return CommandReply.ok(c, "Checking " + c.service() + " " + c.version() + " for "
                + c.env().toUpperCase(Locale.ROOT) + " … the go/no-go message follows in the environment's channel.");
    }
}
