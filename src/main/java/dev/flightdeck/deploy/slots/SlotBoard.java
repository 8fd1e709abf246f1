package dev.flightdeck.deploy.slots;

import java.util.List;
import java.util.Optional;

/** Every pool's slots with their holders, and each pool's queue: what {@code /deploy status} lists. */
public record SlotBoard(List<Pool> pools) {

    public record Pool(String pool, List<Slot> slots, List<SlotClaim> queue) {
    }

    public record Slot(String slot, Optional<SlotClaim> holder) {
    }

    public boolean isEmpty() {
        return pools.isEmpty();
    }
}
