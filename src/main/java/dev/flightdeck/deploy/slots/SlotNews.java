package dev.flightdeck.deploy.slots;

/** What the holders of shared slots are told, by direct message (port; the Slack feature words it). */
public interface SlotNews {

    /** A queued claim got its slot. */
    void granted(SlotClaim claim);

    /** The hold ends soon; {@code canExtend}: max-hold leaves room to extend. */
    void expiring(SlotClaim claim, boolean canExtend);

    /** The hold ran out and the slot is free (or the next in the queue has it). */
    void expired(SlotClaim claim);

    /** Someone else (an approver) released the holder's slot. */
    void releasedFor(SlotClaim claim, String by);
}
