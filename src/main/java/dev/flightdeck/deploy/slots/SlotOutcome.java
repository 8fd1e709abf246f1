package dev.flightdeck.deploy.slots;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a claim, release or extension came to; the Slack feature words each. */
public sealed interface SlotOutcome {

    /** Whether the person's command was refused (nothing changed). */
    default boolean refused() {
        return false;
    }

    record Granted(SlotClaim claim) implements SlotOutcome {
    }

    /** Every fitting slot is held: the claim waits at {@code place} (1 = next); {@code holders} of the slots it fits. */
    record Queued(SlotClaim claim, int place, List<SlotClaim> holders) implements SlotOutcome {
    }

    record AlreadyHeld(SlotClaim claim) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    record AlreadyQueued(SlotClaim claim, int place) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    /** {@code name} is neither a pool nor a slot; {@code pools} pool → slots. */
    record NotASlot(String name, Map<String, List<String>> pools) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    record BadHold(Duration asked, Duration min, Duration max, String pool) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    record PurposeTooLong(int max) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    /** The slot is free; {@code next} the queued claim that got it at once. */
    record Released(SlotClaim claim, String by, Optional<SlotClaim> next) implements SlotOutcome {
    }

    /** The person's queued claim left the queue. */
    record Withdrawn(SlotClaim claim) implements SlotOutcome {
    }

    /** Nobody holds {@code slot} and the person waits for nothing there. */
    record NotHeld(String slot) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    /** Only the holder or an approver of the slot's environment may release it (or extend it: the holder only). */
    record NotHolder(SlotClaim holder) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    record Extended(SlotClaim claim, Instant maxUntil) implements SlotOutcome {
    }

    /** The hold already lasts as long as max-hold allows. */
    record AtMaxHold(SlotClaim claim, Duration maxHold) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }

    /** The claim is over (released, expired) or unknown: nothing to extend or release. */
    record Over(long id, Optional<SlotClaim> claim) implements SlotOutcome {
        public boolean refused() {
            return true;
        }
    }
}
