package dev.flightdeck.slack.deploy.slots;

import dev.flightdeck.deploy.slots.SlotClaims;
import dev.flightdeck.deploy.slots.SlotOutcome;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.deploy.DeployCommand;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * {@code /deploy claim} and {@code /deploy release}: one database write each, answered in the ack; a claim or a
 * release is said in the channel (the team sees who holds what), a refusal only to the person.
 */
@Factory
public class SlotHandlers {

    @Singleton
    CommandHandler<DeployCommand.Claim> claim(Provider<SlotClaims> claims) {
        return CommandHandler.of(DeployCommand.Claim.class, (c, invocation) ->
                reply(c, claims.get().claim(invocation.userId(), c.target(), c.hold(), c.purpose())));
    }

    @Singleton
    CommandHandler<DeployCommand.Release> release(Provider<SlotClaims> claims) {
        return CommandHandler.of(DeployCommand.Release.class, (c, invocation) ->
                reply(c, claims.get().release(invocation.userId(), c.name())));
    }

    private static CommandReply reply(Object command, SlotOutcome outcome) {
        return outcome.refused() ? CommandReply.refused(command, SlotWords.say(outcome))
                : CommandReply.ok(command, SlotWords.say(outcome)).toChannel();
    }

}
