package dev.flightdeck.deploy;

import java.util.Optional;

/**
 * The answer to a Promote click: the request was opened, or why nothing was opened (the clicker alone is told). Ids
 * and data only; the chat adapter words them.
 */
public sealed interface PromotionOutcome {

    default boolean refused() {
        return !(this instanceof Opened);
    }

    /** The request for {@code source}'s version to the target environment was opened (its checks ran, maybe blocking). */
    record Opened(DeployRequest source, DeployOutcome.Requested requested) implements PromotionOutcome {
    }

    /** The request could not be made ({@code why}: bad input, or its go/no-go message could not be posted). */
    record NotOpened(DeployRequest source, DeployOutcome why) implements PromotionOutcome {
    }

    record NoSuchDeploy(long id) implements PromotionOutcome {
    }

    /** The button's deploy did not succeed (buttons are drawn only on successes; a forged or stale value). */
    record NotSucceeded(DeployRequest source) implements PromotionOutcome {
    }

    /** The target environment is gone from the team file, or no longer promotes from the source's environment. */
    record NoLongerPromotes(DeployRequest source, String target) implements PromotionOutcome {
    }

    /** This very version is already live in the target environment. */
    record AlreadyLive(DeployRequest source, DeployRequest live) implements PromotionOutcome {
    }

    /** A newer version is already live in the target environment: the button is outdated. */
    record Outdated(DeployRequest source, DeployRequest live) implements PromotionOutcome {
    }

    /** A request for this service, version and environment is open (pending or in flight): nothing new is opened. */
    record AlreadyOpen(DeployRequest source, DeployRequest open) implements PromotionOutcome {
    }

    /** Another click is opening this promotion right now; {@code by} is its clicker when known. */
    record BeingOpened(DeployRequest source, String target, Optional<String> by) implements PromotionOutcome {
    }
}
