package dev.flightdeck.deploy.slots;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One person's claim on a shared slot. {@code pool} is the pool it belongs to; {@code slot} the slot held (null while
 * queued); {@code asked} the slot the person named (null: any slot of the pool); {@code purpose} as typed after
 * {@code --} (null when none); {@code hold} how long a grant holds. {@code version} is what the store's
 * compare-and-set checks.
 */
public record SlotClaim(long id, long version, String pool, String slot, String asked, String userId, String purpose,
                        Duration hold, SlotClaimState state, Instant queuedAt, Instant heldSince, Instant expiresAt,
                        boolean warned, Instant endedAt, String endedBy) {

    /** The holder is warned this long before the hold ends. */
    public static final Duration WARN_BEFORE = Duration.ofMinutes(30);

    /** A new claim holding {@code slot} from {@code now}. */
    public static SlotClaim held(String pool, String slot, String asked, String userId, String purpose, Duration hold,
                                 Instant now) {
        return new SlotClaim(0, 0, pool, slot, asked, userId, purpose, hold, SlotClaimState.HELD, now, now,
                now.plus(hold), false, null, null);
    }

    /** A new claim waiting in the pool's queue. */
    public static SlotClaim queued(String pool, String asked, String userId, String purpose, Duration hold, Instant now) {
        return new SlotClaim(0, 0, pool, null, asked, userId, purpose, hold, SlotClaimState.QUEUED, now, null, null,
                false, null, null);
    }

    /** When the holder is warned: {@link #WARN_BEFORE} before the end, or halfway through a shorter hold. */
    public Instant warnAt() {
        Duration held = Duration.between(heldSince, expiresAt);
        Duration before = held.compareTo(WARN_BEFORE.multipliedBy(2)) < 0 ? held.dividedBy(2) : WARN_BEFORE;
        return expiresAt.minus(before);
    }

    /** The next moment the expiry job has something to do with this claim: the warning, then the end. */
    public Optional<Instant> dueAt() {
        if (state != SlotClaimState.HELD) {
            return Optional.empty();
        }
        return Optional.of(warned ? expiresAt : warnAt());
    }

    public Optional<String> purposeText() {
        return Optional.ofNullable(purpose);
    }

    /** Whether this queued claim can take {@code candidate}: it named none, or that one. */
    public boolean fits(String candidate) {
        return asked == null || asked.equals(candidate);
    }

    SlotClaim with(SlotClaimState s, Instant until, boolean warnedNow, Instant ended, String by) {
        return new SlotClaim(id, version, pool, slot, asked, userId, purpose, hold, s, queuedAt, heldSince, until,
                warnedNow, ended, by);
    }
}
