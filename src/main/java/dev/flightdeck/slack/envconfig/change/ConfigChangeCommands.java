package dev.flightdeck.slack.envconfig.change;

import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeOutcome;
import dev.flightdeck.envconfig.change.ConfigChanges;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.edge.AfterAck;
import dev.flightdeck.text.Mrkdwn;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code /deploy config set|unset|revert}. Each acks at once and does the slow part (reading AWS, running the rules)
 * after the ack. {@code set} then opens the value form with the command's trigger id, which Slack honours for 3
 * seconds only: when reading took longer, the person is asked to type the command again instead of getting nothing.
 */
@Factory
public class ConfigChangeCommands {

    /** Slack's trigger ids last 3 seconds; past this, views.open would fail with expired_trigger_id. */
    static final Duration TRIGGER_LIMIT = Duration.ofMillis(2800);

    private final Provider<ConfigChanges> changes;
    private final AfterAck afterAck;
    private final ChangeReplies replies;

    public ConfigChangeCommands(Provider<ConfigChanges> changes, AfterAck afterAck, ChangeReplies replies) {
        this.changes = changes;
        this.afterAck = afterAck;
        this.replies = replies;
    }

    @Singleton
    CommandHandler<DeployCommand.ConfigSet> set() {
        return CommandHandler.of(DeployCommand.ConfigSet.class, (c, inv) -> {
            long typedAt = System.nanoTime();
            afterAck.run("config set", inv.responseUrl(), () -> {
                ChangeOutcome outcome = changes.get().ready(inv.userId(), c.service(), c.env(), c.key(), ChangeKind.SET);
                if (!(outcome instanceof ChangeOutcome.Ready ready)) {
                    return ChangeWords.say(outcome);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - typedAt);
                if (took.compareTo(TRIGGER_LIMIT) > 0) {
                    return tooSlow(took);
                }
                var form = ConfigChangeModals.valueForm(ready, new ChangeFormMetadata(ready.target().service(),
                        ready.target().environment(), ready.target().key(), inv.channelId(), inv.userId()));
                Optional<String> failed = replies.open(inv.triggerId(), form);
                if (failed.isEmpty()) {
                    return null;
                }
                return "expired_trigger_id".equals(failed.get()) ? tooSlow(Duration.ofNanos(System.nanoTime() - typedAt))
                        : "Could not open the form (Slack said " + Mrkdwn.code(failed.get()) + "); type the command again.";
            });
            return CommandReply.ok(c, "Checking " + Mrkdwn.code(c.key()) + " of *" + c.service() + "* in *" + c.env()
                    + "*; the form opens in a moment…");
        });
    }

    @Singleton
    CommandHandler<DeployCommand.ConfigUnset> unset() {
        return CommandHandler.of(DeployCommand.ConfigUnset.class, (c, inv) -> {
            afterAck.run("config unset", inv.responseUrl(), () -> ChangeWords.say(changes.get()
                    .propose(inv.userId(), c.service(), c.env(), c.key(), ChangeKind.UNSET, Optional.empty())));
            return CommandReply.ok(c, "Proposing to remove " + Mrkdwn.code(c.key()) + " of *" + c.service() + "* in *"
                    + c.env() + "*…");
        });
    }

    @Singleton
    CommandHandler<DeployCommand.ConfigRevert> revert() {
        return CommandHandler.of(DeployCommand.ConfigRevert.class, (c, inv) -> {
            afterAck.run("config revert", inv.responseUrl(),
                    () -> ChangeWords.say(changes.get().revert(inv.userId(), c.changeId())));
            return CommandReply.ok(c, "Proposing to revert config change #" + c.changeId() + "…");
        });
    }

    private static String tooSlow(Duration took) {
        return "Reading the current configuration took " + String.format(java.util.Locale.ROOT, "%.1f", took.toMillis() / 1000.0)
                + " s, longer than Slack lets a form open after a command (3 s). Nothing was changed: type the command "
                + "again.";
    }
}
