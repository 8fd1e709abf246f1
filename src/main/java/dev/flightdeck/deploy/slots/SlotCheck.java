package dev.flightdeck.deploy.slots;

import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.deploy.check.DeployCheck;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A deploy to a shared slot someone else holds is blocked, naming the holder and until when (DESIGN section 15). Runs
 * for every slot, whatever the environment's gates; the holder may let it through, or an approver override it, by the
 * usual override ({@link SlotHolderOverride}).
 */
@Singleton
public class SlotCheck implements DeployCheck {

    public static final String NAME = "slot";

    private final SlotClaims claims;
    private final SlotCheckWords words;

    public SlotCheck(SlotClaims claims, SlotCheckWords words) {
        this.claims = claims;
        this.words = words;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Gate> gate() {
        return Optional.empty();
    }

    @Override
    public boolean appliesTo(DeployCandidate candidate) {
        return claims.isSlot(candidate.environment());
    }

    @Override
    public CheckOutcome check(DeployCandidate c) {
        Optional<SlotClaim> holder = claims.holderOf(c.environment());
        if (holder.isEmpty()) {
            return new CheckOutcome.Passed(words.free(c.environment()));
        }
        SlotClaim h = holder.get();
        if (h.userId().equals(c.requesterId())) {
            return new CheckOutcome.Passed(words.yours(c.environment(), h.expiresAt()));
        }
        return new CheckOutcome.Blocked(words.heldBy(c.environment(), h.userId(), h.expiresAt(), h.purpose()));
    }
}
