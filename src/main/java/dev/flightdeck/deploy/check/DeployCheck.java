package dev.flightdeck.deploy.check;

import dev.flightdeck.deploy.Gate;

import java.util.Optional;

/**
 * One pre-deploy rule: allowed, or blocked with a reason a person can act on, so a blocked deploy names its rule.
 * Every {@code DeployCheck} bean is run for a request; adding a rule is one new class, nothing else edited.
 * Checks run after the Slack ack (they may call AWS), so they may be slow but must not hang: a check that
 * cannot decide (a dependency down) blocks, saying so, and an approver may override it like any other.
 */
public interface DeployCheck {

    /** Short name shown in the go/no-go message and named in overrides: "window", "lock", "alarms", … */
    String name();

    /** The team-config gate that turns this check on for an environment; empty when it always runs. */
    Optional<Gate> gate();

    CheckOutcome check(DeployCandidate candidate);

    /** Whether the check has anything to say about this deploy at all (the slot check: only for shared slots). */
    default boolean appliesTo(DeployCandidate candidate) {
        return true;
    }
}
