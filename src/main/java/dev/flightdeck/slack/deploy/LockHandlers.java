package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.ManualLocks;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.deploy.DeployCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/** {@code /deploy lock <service> <env> -- <reason>} and {@code /deploy unlock <service> <env>}: said in the channel. */
@Factory
public class LockHandlers {

    @Singleton
    CommandHandler<DeployCommand.Lock> lock(Provider<ManualLocks> locks) {
        return new CommandHandler<>() {
            public Class<DeployCommand.Lock> handles() {
                return DeployCommand.Lock.class;
            }

            public CommandReply handle(DeployCommand.Lock c, Invocation invocation) {
                return reply(c, locks.get().lock(c.service(), c.env(), invocation.userId(), c.reason()));
            }
        };
    }

    @Singleton
    CommandHandler<DeployCommand.Unlock> unlock(Provider<ManualLocks> locks) {
        return new CommandHandler<>() {
            public Class<DeployCommand.Unlock> handles() {
                return DeployCommand.Unlock.class;
            }

            public CommandReply handle(DeployCommand.Unlock c, Invocation invocation) {
                return reply(c, locks.get().unlock(c.service(), c.env(), invocation.userId()));
            }
        };
    }

    private static CommandReply reply(Object command, DeployOutcome outcome) {
        return outcome.refused() ? CommandReply.refused(command, OutcomeWords.say(outcome))
                : CommandReply.ok(command, OutcomeWords.say(outcome)).toChannel();
    }
}
