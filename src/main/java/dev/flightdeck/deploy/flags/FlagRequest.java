package dev.flightdeck.deploy.flags;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to turn one feature flag on or off in one environment, decided like a deploy. People are Slack user ids.
 *
 * @param providerEnvironment the provider's name for {@code environment} (LaunchDarkly environment key, Flagsmith
 *                            environment key), fixed when requested
 * @param killSwitchIncident  the incident whose commander flipped this kill switch without approval
 * @param outcome             what the provider said when the change did not go through (a safe message)
 */
public record FlagRequest(long id,
                          String flagKey,
                          String environment,
                          String providerEnvironment,
                          boolean turnOn,
                          String requesterId,
                          FlagState state,
                          List<String> approvedBy,
                          Optional<Long> killSwitchIncident,
                          Timers timers,
                          Optional<Message> message,
                          Optional<String> outcome) {

    /** Where the request was posted. */
    public record Message(String channelId, String ts) {
    }

    /** When it was requested and finished (APPLIED: when the provider took it); the next nudge; the expiry. */
    public record Timers(Instant requestedAt, Instant nextNudgeAt, int nudges, Instant expiresAt, Instant finishedAt) {
    }

    public FlagRequest {
        Objects.requireNonNull(flagKey, "flagKey");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(state, "state");
        approvedBy = List.copyOf(approvedBy);
    }

    /** How people name it: {@code FL-12}. */
    public String number() {
        return numberOf(id);
    }

    public static String numberOf(long id) {
        return "FL-" + id;
    }

    /** "on" or "off". */
    public String target() {
        return turnOn ? "on" : "off";
    }

    public boolean isKillSwitch() {
        return killSwitchIncident.isPresent();
    }

    /** Who applied it: the last approver, else the requester (a kill switch, an announce-only environment). */
    public String appliedBy() {
        return approvedBy.isEmpty() ? requesterId : approvedBy.get(approvedBy.size() - 1);
    }

    public FlagRequest with(FlagState next, Timers nextTimers, Optional<String> nextOutcome) {
        return new FlagRequest(id, flagKey, environment, providerEnvironment, turnOn, requesterId, next, approvedBy,
                killSwitchIncident, nextTimers, message, nextOutcome);
    }

    public FlagRequest withMessage(Message where) {
        return new FlagRequest(id, flagKey, environment, providerEnvironment, turnOn, requesterId, state, approvedBy,
                killSwitchIncident, timers, Optional.of(where), outcome);
    }
}
