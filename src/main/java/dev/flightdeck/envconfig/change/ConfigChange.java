package dev.flightdeck.envconfig.change;

import dev.flightdeck.envconfig.RuleResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to change one configuration value, decided like a deploy. People are Slack user ids. {@code rules} are
 * the service's rules run with the proposed value in place; {@code blocked} is true while a failing rule stands and
 * nobody has overridden it. {@code outcome} holds what the write said when it did not succeed (a safe message: who
 * moved the version, or why AWS refused), never a value. {@code toString()} prints no value.
 *
 * @param newVersion the stored version after the write (APPLIED only)
 * @param revertOf   the change this one undoes ({@code config revert})
 */
public record ConfigChange(long id,
                           ConfigTarget target,
                           ChangeKind kind,
                           ValueChange value,
                           String proposerId,
                           ChangeState state,
                           List<String> approvedBy,
                           List<RuleResult> rules,
                           boolean blocked,
                           Optional<RuleOverride> override,
                           Optional<Long> revertOf,
                           Timers timers,
                           Optional<Message> message,
                           String newVersion,
                           Optional<String> outcome) {

    /** Who let a failing rule through, and why. */
    public record RuleOverride(String userId, String reason) {
    }

    /** Where the request was posted. */
    public record Message(String channelId, String ts) {
    }

    /** When it was proposed and finished; when the approvers are next nudged (and how often they were) and it expires. */
    public record Timers(Instant proposedAt, Instant nextNudgeAt, int nudges, Instant expiresAt, Instant finishedAt) {
    }

    public ConfigChange {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(state, "state");
        approvedBy = List.copyOf(approvedBy);
        rules = List.copyOf(rules);
        newVersion = newVersion == null ? "" : newVersion;
        if (target.isSecret() && (value.oldValue().isPresent() || value.newValue().isPresent())) {
            throw new IllegalArgumentException("a secret change cannot carry a value: " + target.key());
        }
    }

    public String service() {
        return target.service();
    }

    public String environment() {
        return target.environment();
    }

    public String key() {
        return target.key();
    }

    public ConfigChange withState(ChangeState next, Timers nextTimers) {
        return new ConfigChange(id, target, kind, value, proposerId, next, approvedBy, rules, blocked, override,
                revertOf, nextTimers, message, newVersion, outcome);
    }

    @Override
    public String toString() {
        return "ConfigChange[#" + id + " " + kind + " " + target.key() + " of " + target.service() + " in "
                + target.environment() + ", " + state + ", " + value + "]";
    }
}
