package dev.flightdeck.deploy.slots;

import java.time.Instant;

/** The slot check's findings in the team's words (port; they name people and repeat a typed purpose). */
public interface SlotCheckWords {

    String free(String slot);

    String yours(String slot, Instant until);

    String heldBy(String slot, String holderId, Instant until, String purpose);
}
