package dev.flightdeck.deploy.slots;

import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.OverrideGrant;
import jakarta.inject.Singleton;

import java.util.List;

/** The holder of a slot may let someone else's deploy onto it: when the slot check is all that blocks it. */
@Singleton
public class SlotHolderOverride implements OverrideGrant {

    private final SlotClaims claims;

    public SlotHolderOverride(SlotClaims claims) {
        this.claims = claims;
    }

    @Override
    public boolean lets(DeployRequest request, String userId, List<CheckResult> blocking) {
        return !blocking.isEmpty() && blocking.stream().allMatch(c -> SlotCheck.NAME.equals(c.name()))
                && claims.holderOf(request.environment()).map(h -> h.userId().equals(userId)).orElse(false);
    }
}
