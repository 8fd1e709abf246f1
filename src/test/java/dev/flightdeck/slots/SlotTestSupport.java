package dev.flightdeck.slots;

import dev.flightdeck.deploy.slots.SlotClaimState;
import dev.flightdeck.deploy.slots.SlotClaimStore;
import dev.flightdeck.deploy.slots.SlotClaims;
import dev.flightdeck.team.TeamConfig;

import java.util.ArrayList;
import java.util.List;

/** Frees every slot and empties every queue of the slots app, so each test starts from free slots. */
final class SlotTestSupport {

    private SlotTestSupport() {
    }

    static void freeAll(SlotsApp app) {
        app.driver.finishInFlight();
        SlotClaimStore store = app.bean(SlotClaimStore.class);
        SlotClaims claims = app.bean(SlotClaims.class);
        for (String pool : app.bean(TeamConfig.class).slots().keySet()) {
            for (int round = 0; round < 5; round++) {
                List<dev.flightdeck.deploy.slots.SlotClaim> active = new ArrayList<>(store.queued(pool));
                store.held().stream().filter(c -> c.pool().equals(pool)).forEach(active::add);
                if (active.isEmpty()) {
                    break;
                }
                for (var c : active) {
                    claims.release(c.userId(), c.state() == SlotClaimState.HELD ? c.slot() : pool);
                }
            }
        }
    }
}
