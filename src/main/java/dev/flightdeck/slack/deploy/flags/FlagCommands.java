package dev.flightdeck.slack.deploy.flags;

import dev.flightdeck.deploy.flags.FeatureFlags;
import dev.flightdeck.deploy.flags.FlagOutcome;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.edge.AfterAck;
import dev.flightdeck.text.Mrkdwn;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * {@code /deploy flag <key> [env]} and {@code /deploy flag <key> on|off in <env>}. Both ack at once and ask the
 * provider after the ack; the answer comes by the response URL. A flip applied at once (a kill switch, an
 * announce-only environment) calls the provider right after, on the same pool.
 */
@Factory
public class FlagCommands {

    private final Provider<FeatureFlags> flags;
    private final AfterAck afterAck;

    public FlagCommands(Provider<FeatureFlags> flags, AfterAck afterAck) {
        this.flags = flags;
        this.afterAck = afterAck;
    }

    @Singleton
    CommandHandler<DeployCommand.FlagShow> show() {
        return CommandHandler.of(DeployCommand.FlagShow.class, (c, inv) -> {
            afterAck.run("flag show", inv.responseUrl(),
                    () -> FlagWords.say(flags.get().show(inv.userId(), c.key(), c.env())));
            return CommandReply.ok(c, "Reading flag " + Mrkdwn.code(c.key()) + "…");
        });
    }

    @Singleton
    CommandHandler<DeployCommand.FlagFlip> flip() {
        return CommandHandler.of(DeployCommand.FlagFlip.class, (c, inv) -> {
            afterAck.run("flag request", inv.responseUrl(), () -> {
                FlagOutcome outcome = flags.get().request(inv.userId(), c.key(), c.on(), c.env());
                if (outcome instanceof FlagOutcome.Applying applying) {
                    flags.get().apply(applying.request().id());
                }
                return FlagWords.say(outcome);
            });
            return CommandReply.ok(c, "Checking flag " + Mrkdwn.code(c.key()) + " in *"
                    + Mrkdwn.escape(c.env().toUpperCase(java.util.Locale.ROOT)) + "*…");
        });
    }
}
